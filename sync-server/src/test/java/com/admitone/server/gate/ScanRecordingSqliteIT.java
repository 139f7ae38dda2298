package com.admitone.server.gate;

import com.admitone.server.testing.Backend;

class ScanRecordingSqliteIT extends ScanRecordingContract {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
