package com.admitone.server.storage;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Counts, per thread, the statements that may have changed a row, so the command applier knows
 * whether a refused command left anything to undo: a refusal before the first write needs no
 * savepoint to roll back to (a savepoint is a round trip and a subtransaction on PostgreSQL).
 * The count errs on the safe side: a statement that is not a SELECT counts unless the driver says
 * it changed no row, and a statement that failed counts too.
 */
public final class WriteTracking {
    private static final ThreadLocal<long[]> WRITES = ThreadLocal.withInitial(() -> new long[1]);

    private WriteTracking() {
    }

    /** How many statements on this thread may have written so far; compare two readings. */
    public static long writes() {
        return WRITES.get()[0];
    }

    static DataSource wrap(DataSource target) {
        return new TrackingDataSource(target);
    }

    /** Counts a write made on the driver's connection behind this class's back (see {@link Sql#updateAllOrNone}). */
    static void wrote() {
        WRITES.get()[0]++;
    }

    private static boolean isQuery(String sql) {
        String start = sql.stripLeading();
        return start.length() >= 6 && start.substring(0, 6).toLowerCase(Locale.ROOT).equals("select");
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(WriteTracking.class.getClassLoader(), new Class<?>[]{type}, handler));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private record TrackingConnection(Connection physical) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = call(physical, method, args);
            String name = method.getName();
            if (result instanceof CallableStatement statement) {
                return proxy(CallableStatement.class, new TrackingStatement(statement, false));
            }
            if (result instanceof PreparedStatement statement && name.equals("prepareStatement")) {
                return proxy(PreparedStatement.class, new TrackingStatement(statement, isQuery((String) args[0])));
            }
            if (result instanceof Statement statement && name.equals("createStatement")) {
                return proxy(Statement.class, new TrackingStatement(statement, false));
            }
            return result;
        }
    }

    /** {@code query}: the statement's SQL is a SELECT, so executing it writes nothing. */
    private record TrackingStatement(Statement statement, boolean query) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (!name.startsWith("execute")) {
                return call(statement, method, args);
            }
            boolean query = args != null && args.length > 0 && args[0] instanceof String sql ? isQuery(sql) : this.query;
            Object result;
            try {
                result = call(statement, method, args);
            } catch (Throwable failure) {
                wrote();
                throw failure;
            }
            if (!query && changedAnything(result)) {
                wrote();
            }
            return result;
        }

        private static boolean changedAnything(Object result) {
            if (result instanceof Integer count) {
                return count != 0;
            }
            if (result instanceof Long count) {
                return count != 0;
            }
            if (result instanceof int[] counts) {
                for (int count : counts) {
                    if (count != 0) {
                        return true;
                    }
                }
                return false;
            }
            if (result instanceof long[] counts) {
                for (long count : counts) {
                    if (count != 0) {
                        return true;
                    }
                }
                return false;
            }
            // execute() (a boolean) or executeQuery() of something that is not a SELECT: assume it wrote.
            return true;
        }
    }

    private static final class TrackingDataSource extends DelegatingDataSource {
        TrackingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return proxy(Connection.class, new TrackingConnection(target.getConnection()));
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return proxy(Connection.class, new TrackingConnection(target.getConnection(username, password)));
        }
    }
}
