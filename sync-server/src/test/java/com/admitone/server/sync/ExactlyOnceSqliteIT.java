package com.admitone.server.sync;

import com.admitone.server.testing.Backend;

class ExactlyOnceSqliteIT extends ExactlyOnceContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
