package com.admitone.server.http;

import com.admitone.server.testing.Backend;

class RouteAccessSqliteIT extends RouteAccessContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
