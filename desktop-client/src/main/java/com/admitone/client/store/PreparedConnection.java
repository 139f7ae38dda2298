package com.admitone.client.store;

import org.sqlite.SQLiteConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The store's own SQLite connection for the few small writes that come at a high rate (gate
 * scans), with each statement prepared once and kept. Through Hibernate and the pool every
 * statement of a scan was parsed and planned again (SQLite keeps no statement cache; neither do
 * the driver or the pool) and the session set up and flushed: about two thirds of a scan's time.
 *
 * <p>Only {@link LocalStore#writeQuickly} and {@link LocalStore#readQuickly} use it, under the
 * store's writer lock, so one thread at a time. Commits reach the write-ahead log without an fsync
 * ({@code synchronous=NORMAL}); the background checkpoint syncs them.
 */
public final class PreparedConnection implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private PreparedConnection(Connection connection) {
        this.connection = connection;
    }

    static PreparedConnection open(java.nio.file.Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        try (Statement statement = connection.createStatement()) {
            statement.execute(WalCheckpointer.CONNECTION_INIT);
        }
        return new PreparedConnection(connection);
    }

    /** The statement for {@code sql}, prepared on first use, its parameters cleared. Do not close it. */
    public PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    /*
     * Transactions by hand, with the driver left in auto-commit: in manual mode it begins the next
     * transaction right after each commit, and an open transaction on this idle connection would
     * keep the background checkpoint from copying the log.
     * IMMEDIATE takes the write lock at BEGIN, so a transaction that reads first cannot fail to upgrade.
     */
    void begin() throws SQLException {
        statement("BEGIN IMMEDIATE").execute();
    }

    void commit() throws SQLException {
        statement("COMMIT").execute();
    }

    void rollback() throws SQLException {
        statement("ROLLBACK").execute();
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            statement.close();
        }
        statements.clear();
        connection.close();
    }
}
