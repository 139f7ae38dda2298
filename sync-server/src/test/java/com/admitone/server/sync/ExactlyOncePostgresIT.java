package com.admitone.server.sync;

import com.admitone.server.testing.Backend;

class ExactlyOncePostgresIT extends ExactlyOnceContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
