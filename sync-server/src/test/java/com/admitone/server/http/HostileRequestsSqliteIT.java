package com.admitone.server.http;

import com.admitone.server.testing.Backend;

class HostileRequestsSqliteIT extends HostileRequestsContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
