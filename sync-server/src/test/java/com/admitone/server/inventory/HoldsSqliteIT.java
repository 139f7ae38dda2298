package com.admitone.server.inventory;

import com.admitone.server.testing.Backend;

class HoldsSqliteIT extends HoldsContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
