package com.admitone.server.auth;

import com.admitone.server.testing.Backend;

class AuthSqliteIT extends AuthContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
