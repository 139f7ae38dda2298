package com.admitone.server.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies SQLite's write-ahead log back into the database file on a thread of its own. SQLite's
 * automatic checkpoint runs inside the commit that crosses the WAL's size threshold, so every
 * thousandth page the command applier (which every sale waits on) would stop to write and fsync
 * the database file. Here it happens beside the applier: a PASSIVE checkpoint never blocks a
 * writer, and the WAL is still what makes a commit durable.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);
    static final long PERIOD_MS = 500;

    private final DataSource dataSource;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sqlite-checkpoint");
        t.setDaemon(true);
        return t;
    });

    WalCheckpointer(DataSource dataSource) {
        this.dataSource = dataSource;
        timer.scheduleWithFixedDelay(() -> checkpoint("PASSIVE"), PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private void checkpoint(String mode) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(" + mode + ")");
        } catch (SQLException | RuntimeException e) {
            // The next round tries again; the WAL only grows meanwhile.
            log.debug("WAL checkpoint ({}) failed: {}", mode, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Leaves a small WAL behind, so the next start (or a backup of the file) reads little.
        checkpoint("TRUNCATE");
    }
}
