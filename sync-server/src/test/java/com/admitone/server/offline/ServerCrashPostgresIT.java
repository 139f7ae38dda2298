package com.admitone.server.offline;

import com.admitone.server.testing.Backend;

class ServerCrashPostgresIT extends ServerCrashContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
