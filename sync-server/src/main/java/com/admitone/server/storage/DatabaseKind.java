package com.admitone.server.storage;

/** The two databases the server runs on: an embedded SQLite file (one venue) or PostgreSQL (scale). */
public enum DatabaseKind {
    SQLITE, POSTGRESQL;

    public static DatabaseKind ofJdbcUrl(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL (use jdbc:sqlite: or jdbc:postgresql:): " + url);
    }
}
