package com.admitone.server.offline;

import com.admitone.server.testing.Backend;

class OfflineSalesPostgresIT extends OfflineSalesContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
