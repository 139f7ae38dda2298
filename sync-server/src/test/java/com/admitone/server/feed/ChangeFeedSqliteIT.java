package com.admitone.server.feed;

import com.admitone.server.testing.Backend;

class ChangeFeedSqliteIT extends ChangeFeedContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
