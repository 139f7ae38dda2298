package com.admitone.server.offline;

import com.admitone.server.testing.Backend;

class OfflineSalesSqliteIT extends OfflineSalesContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
