package com.admitone.server.http;

import com.admitone.server.testing.Backend;

class RouteAccessPostgresIT extends RouteAccessContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
