package com.admitone.server.feed;

import com.admitone.server.testing.Backend;

class ChangeFeedPostgresIT extends ChangeFeedContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
