package com.admitone.server;

import com.admitone.server.storage.DatabaseSettings;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How a server starts: port (0 for any free one), data folder, database, and whether to load the
 * demo venues.
 */
public record ServerConfig(int port, Path dataDir, DatabaseSettings database, boolean demo, int demoDays,
                           long holdExpiryPeriodMillis, long pushPollMillis, Clock clock) {

    public static ServerConfig sqlite(int port, Path dataDir) {
        return new ServerConfig(port, dataDir, DatabaseSettings.sqliteFile(dataDir.resolve("admitone-server.db")), false, 28,
                200, 500, Clock.systemUTC());
    }

    public ServerConfig withDatabase(DatabaseSettings settings) {
        return new ServerConfig(port, dataDir, settings, demo, demoDays, holdExpiryPeriodMillis, pushPollMillis, clock);
    }

    public ServerConfig withDemo(boolean on, int days) {
        return new ServerConfig(port, dataDir, database, on, days, holdExpiryPeriodMillis, pushPollMillis, clock);
    }
}
