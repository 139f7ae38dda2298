package com.admitone.server.testing;

import com.admitone.server.AdmitOneServer;
import com.admitone.server.ServerConfig;
import com.admitone.server.storage.DatabaseSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A real server on a random port, over a real SQLite file in a temporary folder or a fresh
 * PostgreSQL database, loaded with the demo venues.
 */
public final class TestServer implements AutoCloseable {
    private final AdmitOneServer server;
    private final Backend backend;
    private final Path dataDir;
    private final ServerConfig config;

    private TestServer(Backend backend, Path dataDir, AdmitOneServer server, ServerConfig config) {
        this.backend = backend;
        this.dataDir = dataDir;
        this.server = server;
        this.config = config;
    }

    /**
     * A server with five days of demo programme: whatever the day and hour of the run (the theatre is
     * dark on Mondays, and this evening's performance may have started), seated performances more than
     * an hour ahead exist under each provisional policy, so tests that lease or sell ahead find one.
     */
    public static TestServer start(Backend backend) {
        return start(backend, 5);
    }

    public static TestServer start(Backend backend, int demoDays) {
        return start(backend, demoDays, Clock.systemUTC());
    }

    /** A server whose idea of "now" comes from {@code clock}, e.g. an {@link AdjustableClock} a test moves on. */
    public static TestServer start(Backend backend, int demoDays, Clock clock) {
        try {
            Path dir = Files.createTempDirectory("admitone-server-" + backend.name().toLowerCase());
            ServerConfig config = ServerConfig.sqlite(0, dir).withDemo(true, demoDays);
            if (backend == Backend.POSTGRESQL) {
                DatabaseSettings settings = EmbeddedPostgres.freshDatabase();
                config = config.withDatabase(settings);
            }
            config = new ServerConfig(config.port(), config.dataDir(), config.database(), config.demo(), config.demoDays(),
                    100, 200, clock);
            return new TestServer(backend, dir, AdmitOneServer.start(config), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Another server node on the same PostgreSQL database (its own port and data folder, no demo
     * loading): what a venue runs behind a load balancer.
     */
    public TestServer secondNode() {
        if (backend != Backend.POSTGRESQL) {
            throw new IllegalStateException("only PostgreSQL is shared between server nodes");
        }
        try {
            Path dir = Files.createTempDirectory("admitone-server-node2-");
            ServerConfig second = new ServerConfig(0, dir, config.database(), false, config.demoDays(),
                    config.holdExpiryPeriodMillis(), config.pushPollMillis(), config.clock());
            return new TestServer(backend, dir, AdmitOneServer.start(second), second);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public Backend backend() {
        return backend;
    }

    public Path dataDir() {
        return dataDir;
    }

    public AdmitOneServer server() {
        return server;
    }

    /** A client with a freshly enrolled device, logged in as the demo user {@code username}. */
    public ApiClient loginAs(String username) {
        ApiClient client = new ApiClient(baseUrl());
        client.enrolDevice("test device for " + username, "manager", "manager-demo");
        client.login(username, username + "-demo");
        return client;
    }

    @Override
    public void close() {
        server.close();
    }
}
