package com.admitone.server.sales;

import com.admitone.server.testing.Backend;

class ExchangeSqliteIT extends ExchangeContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
