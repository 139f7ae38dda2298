package com.admitone.server.offline;

import com.admitone.server.testing.Backend;

class ServerCrashSqliteIT extends ServerCrashContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
