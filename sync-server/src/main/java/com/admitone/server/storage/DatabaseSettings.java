package com.admitone.server.storage;

import java.nio.file.Path;

/** Where the server keeps its data and how it connects. */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {

    public static DatabaseSettings sqliteFile(Path file) {
        return new DatabaseSettings("jdbc:sqlite:" + file.toAbsolutePath(), null, null, 8);
    }

    public DatabaseKind kind() {
        return DatabaseKind.ofJdbcUrl(jdbcUrl);
    }
}
