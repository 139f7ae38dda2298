package com.admitone.server.sync;

import com.admitone.server.testing.Backend;

class ClockSkewPostgresIT extends ClockSkewContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
