package com.admitone.server.testing;

import com.admitone.server.storage.DatabaseSettings;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM (zonky's embedded binaries from Maven Central), with a fresh
 * database for every server a test starts. {@code ADMITONE_TEST_PG_URL} (plus _USER, _PASSWORD)
 * names an external server instead.
 */
public final class EmbeddedPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres instance;

    private EmbeddedPostgres() {
    }

    public static synchronized DatabaseSettings freshDatabase() {
        String external = System.getenv("ADMITONE_TEST_PG_URL");
        String name = "admitone_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        if (external != null) {
            String user = System.getenv("ADMITONE_TEST_PG_USER");
            String password = System.getenv("ADMITONE_TEST_PG_PASSWORD");
            createDatabase(external, user, password, name);
            return new DatabaseSettings(external.replaceAll("/[^/?]*(\\?.*)?$", "/" + name), user, password, 8);
        }
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = instance();
        try (Connection connection = pg.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database", e);
        }
        return new DatabaseSettings(pg.getJdbcUrl("postgres", name), "postgres", "postgres", 8);
    }

    public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres instance() {
        if (instance == null) {
            try {
                instance = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "on")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    instance.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return instance;
    }

    private static void createDatabase(String url, String user, String password, String name) {
        try (Connection connection = java.sql.DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + url, e);
        }
    }

    static DataSource postgres() {
        return instance().getPostgresDatabase();
    }
}
