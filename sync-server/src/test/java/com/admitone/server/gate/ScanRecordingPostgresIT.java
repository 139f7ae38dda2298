package com.admitone.server.gate;

import com.admitone.server.testing.Backend;

class ScanRecordingPostgresIT extends ScanRecordingContract {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
