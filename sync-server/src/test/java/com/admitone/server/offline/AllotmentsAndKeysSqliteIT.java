package com.admitone.server.offline;

import com.admitone.server.testing.Backend;

class AllotmentsAndKeysSqliteIT extends AllotmentsAndKeysContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
