package com.admitone.server.auth;

import com.admitone.server.testing.Backend;

class AuthPostgresIT extends AuthContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
