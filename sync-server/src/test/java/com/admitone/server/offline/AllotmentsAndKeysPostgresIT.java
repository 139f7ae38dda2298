package com.admitone.server.offline;

import com.admitone.server.testing.Backend;

class AllotmentsAndKeysPostgresIT extends AllotmentsAndKeysContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
