package com.admitone.server.sales;

import com.admitone.server.testing.Backend;

class ExchangePostgresIT extends ExchangeContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
