package com.admitone.server.testing;

/** The databases every server integration test runs against. */
public enum Backend {
    SQLITE, POSTGRESQL
}
