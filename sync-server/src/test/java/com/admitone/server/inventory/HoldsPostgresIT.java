package com.admitone.server.inventory;

import com.admitone.server.testing.Backend;

class HoldsPostgresIT extends HoldsContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
