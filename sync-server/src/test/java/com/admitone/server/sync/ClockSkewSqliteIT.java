package com.admitone.server.sync;

import com.admitone.server.testing.Backend;

class ClockSkewSqliteIT extends ClockSkewContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
