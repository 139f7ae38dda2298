package com.admitone.server.storage;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands out SQLite connections that keep their prepared statements. The SQLite driver compiles a
 * statement's SQL afresh on every {@code prepareStatement}, and neither Hibernate nor the pool
 * caches them, so the same few dozen statements of a sale were compiled again for every command:
 * an eighth of the command applier's time. Here a statement closed by its user goes back to its
 * connection's cache (its parameters, batch and result set cleared) and the next
 * {@code prepareStatement} of the same SQL reuses it. PostgreSQL's driver has a cache of its own.
 */
final class StatementCachingDataSource extends DelegatingDataSource {
    /** Statements kept per connection; the server's SQL is a fixed set, far below this. */
    static final int MAX_CACHED = 256;

    StatementCachingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private static Connection wrap(Connection physical) {
        return (Connection) Proxy.newProxyInstance(StatementCachingDataSource.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new CachingConnection(physical));
    }

    /** One physical connection and its idle statements, least recently used first. */
    private static final class CachingConnection implements InvocationHandler {
        private final Connection physical;
        private final Map<String, Deque<PreparedStatement>> idle = new LinkedHashMap<>(64, 0.75f, true);
        private int idleCount;

        CachingConnection(Connection physical) {
            this.physical = physical;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("prepareStatement") && args != null && args.length == 1) {
                return checkOut((String) args[0]);
            }
            if (name.equals("close")) {
                closeIdle();
            } else if (name.equals("unwrap") && args[0] == Connection.class) {
                return proxy;
            }
            try {
                return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private synchronized PreparedStatement checkOut(String sql) throws SQLException {
            Deque<PreparedStatement> statements = idle.get(sql);
            PreparedStatement statement = statements == null ? null : statements.pollFirst();
            if (statement != null) {
                idleCount--;
            } else {
                statement = physical.prepareStatement(sql);
            }
            return (PreparedStatement) Proxy.newProxyInstance(StatementCachingDataSource.class.getClassLoader(),
                    new Class<?>[]{PreparedStatement.class}, new CheckedOutStatement(this, sql, statement));
        }

        private synchronized void checkIn(String sql, PreparedStatement statement, ResultSet open) {
            try {
                if (open != null) {
                    open.close();
                }
                statement.clearBatch();
                statement.clearParameters();
                // A limit a user set must not follow the statement to its next user.
                if (statement.getMaxRows() != 0) {
                    statement.setMaxRows(0);
                }
                if (statement.getQueryTimeout() != 0) {
                    statement.setQueryTimeout(0);
                }
            } catch (SQLException e) {
                closeQuietly(statement);
                return;
            }
            idle.computeIfAbsent(sql, k -> new ArrayDeque<>(2)).addFirst(statement);
            idleCount++;
            while (idleCount > MAX_CACHED) {
                Iterator<Map.Entry<String, Deque<PreparedStatement>>> eldest = idle.entrySet().iterator();
                Map.Entry<String, Deque<PreparedStatement>> entry = eldest.next();
                closeQuietly(entry.getValue().pollLast());
                idleCount--;
                if (entry.getValue().isEmpty()) {
                    eldest.remove();
                }
            }
        }

        private synchronized void closeIdle() {
            idle.values().forEach(statements -> statements.forEach(StatementCachingDataSource::closeQuietly));
            idle.clear();
            idleCount = 0;
        }
    }

    /** A statement lent out: {@code close} returns it to the cache instead of freeing it. */
    private static final class CheckedOutStatement implements InvocationHandler {
        private final CachingConnection owner;
        private final String sql;
        private final PreparedStatement statement;
        private ResultSet lastResults;
        private boolean closed;

        CheckedOutStatement(CachingConnection owner, String sql, PreparedStatement statement) {
            this.owner = owner;
            this.sql = sql;
            this.statement = statement;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (!closed) {
                        closed = true;
                        owner.checkIn(sql, statement, lastResults);
                    }
                    return null;
                }
                case "isClosed" -> {
                    return closed || statement.isClosed();
                }
                case "unwrap" -> {
                    if (args[0] == PreparedStatement.class) {
                        return proxy;
                    }
                }
                default -> {
                }
            }
            if (closed) {
                throw new SQLException("statement is closed");
            }
            try {
                Object result = method.invoke(statement, args);
                if (result instanceof ResultSet results) {
                    lastResults = results;
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        if (statement == null) {
            return;
        }
        try {
            statement.close();
        } catch (SQLException ignored) {
            // Freeing a statement the connection no longer needs; nothing depends on it.
        }
    }
}
