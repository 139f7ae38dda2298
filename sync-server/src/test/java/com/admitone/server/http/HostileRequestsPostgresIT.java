package com.admitone.server.http;

import com.admitone.server.testing.Backend;

class HostileRequestsPostgresIT extends HostileRequestsContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
