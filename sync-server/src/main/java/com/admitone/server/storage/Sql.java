package com.admitone.server.storage;

import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Plain JDBC on the session's connection, for the few statements on the sales path that run
 * thousands of times a second. Hibernate re-translates a query whose {@code IN} list changes size
 * on every execution; these statements are prepared as SQL with one placeholder per list element.
 * {@code "(?*)"} in the SQL stands for the list's placeholders and must be the last ones.
 *
 * <p>{@link #queryLists}, for long lists whose length changes on every call, binds each list on
 * PostgreSQL as one array ({@code IN (?*)} becomes {@code = ANY (?)}), planned with its values
 * each time. Not for the short lists of the per-command statements: there the generic plan
 * PostgreSQL settles on for {@code = ANY} made the offline reconcile 25 % slower than planning
 * each IN list. {@link #queryArrays} is for statements written for PostgreSQL's arrays, such as a
 * probe per element ({@code unnest} and a {@code LATERAL} subquery), whose plan does not depend on
 * the values. SQLite has no arrays and plans cheaply.
 */
public final class Sql {
    private Sql() {
    }

    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    public static int update(Session session, String sql, Collection<?> list, Object... params) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, List.of(params), List.of(list), false)) {
                return statement.executeUpdate();
            }
        });
    }

    /** What {@link #updateAllOrNone} did: rows changed, and the rows as they were when it changed none. */
    public record AllOrNone<T>(int changed, List<T> before) {
    }

    /**
     * {@code UPDATE table SET set WHERE where AND column IN (list)}, but only if every row of the
     * list matches {@code where}: all rows or none change, so a refusal (some seat no longer free)
     * leaves nothing written that would have to be rolled back. When it changed fewer rows than the
     * list names, {@link AllOrNone#before} holds the list's rows as the update saw them, selected
     * by {@code SELECT readColumns FROM table WHERE readWhere AND column IN (list)}, so the caller
     * can say why. On PostgreSQL update and read are one statement (a refusal costs one round trip
     * to the database instead of two: half the sale requests of a busy on-sale are refused); on
     * SQLite, in-process, the read follows the update that changed nothing.
     */
    public static <T> AllOrNone<T> updateAllOrNone(Session session, String table, String set, List<Object> setParams,
                                                   String where, List<Object> whereParams, String column, Collection<?> list,
                                                   String readColumns, String readWhere, List<Object> readParams,
                                                   RowReader<T> reader) {
        String in = expand(" AND " + column + " IN (?*)", list.size());
        String update = "UPDATE " + table + " SET " + set + " WHERE " + where + in
                + " AND (SELECT COUNT(*) FROM " + table + " WHERE " + where + in + ") = ?";
        String read = "SELECT " + readColumns + " FROM " + table + " WHERE " + readWhere + in;
        List<Object> values = List.copyOf(list);
        return session.doReturningWork(connection -> {
            boolean postgres = isPostgres(connection);
            String sql = postgres
                    ? "WITH changed AS (" + update + " RETURNING 1) SELECT " + readColumns
                    + ", (SELECT COUNT(*) FROM changed) FROM " + table + " WHERE " + readWhere + in
                    : update;
            int changed = 0;
            List<T> before = new ArrayList<>();
            // The combined statement is a query to JDBC: WriteTracking would count it as a write
            // every time, so it runs on the driver's own connection and reports what it changed.
            Connection target = postgres ? (Connection) connection.unwrap(org.postgresql.PGConnection.class) : connection;
            try (PreparedStatement statement = target.prepareStatement(sql)) {
                int index = 1;
                for (List<?> params : List.of(setParams, whereParams, values, whereParams, values)) {
                    for (Object value : params) {
                        set(statement, index++, value);
                    }
                }
                statement.setInt(index++, list.size());
                if (!postgres) {
                    changed = statement.executeUpdate();
                } else {
                    for (List<?> params : List.of(readParams, values)) {
                        for (Object value : params) {
                            set(statement, index++, value);
                        }
                    }
                    try (ResultSet result = statement.executeQuery()) {
                        int countColumn = result.getMetaData().getColumnCount();
                        while (result.next()) {
                            changed = result.getInt(countColumn);
                            before.add(reader.read(result));
                        }
                    } catch (SQLException | RuntimeException e) {
                        WriteTracking.wrote();
                        throw e;
                    }
                    if (changed > 0) {
                        WriteTracking.wrote();
                    }
                }
            }
            if (changed == list.size()) {
                return new AllOrNone<>(changed, List.of());
            }
            if (!postgres) {
                before = select(connection, read, concat(readParams, values), reader);
            }
            return new AllOrNone<>(changed, before);
        });
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    public static <T> List<T> query(Session session, String sql, Collection<?> list, RowReader<T> reader, Object... params) {
        return query(session, sql, List.of(list), false, reader, params);
    }

    /**
     * A query with several lists: the n-th {@code IN (?*)} of the SQL takes the n-th list, after
     * {@code params} (which come before every list in the SQL).
     */
    public static <T> List<T> queryLists(Session session, String sql, List<? extends Collection<?>> lists, RowReader<T> reader,
                                         Object... params) {
        return query(session, sql, lists, true, reader, params);
    }

    private static <T> List<T> query(Session session, String sql, List<? extends Collection<?>> lists, boolean arraysOnPostgres,
                                     RowReader<T> reader, Object... params) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, List.of(params), lists, arraysOnPostgres)) {
                List<T> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(reader.read(result));
                    }
                }
                return rows;
            }
        });
    }

    /** Whether the session's database is PostgreSQL (else SQLite). */
    public static boolean isPostgres(Session session) {
        return session.doReturningWork(Sql::isPostgres);
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    /**
     * PostgreSQL only: a query whose {@code ?} take {@code params} in order, each collection bound
     * as one SQL array. The text does not change with the arrays' lengths, so the driver prepares
     * it once per connection.
     */
    public static <T> List<T> queryArrays(Session session, String sql, List<?> params, RowReader<T> reader) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = prepareWithArrays(connection, sql, params)) {
                List<T> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(reader.read(result));
                    }
                }
                return rows;
            }
        });
    }

    /** PostgreSQL only: as {@link #queryArrays}, for a statement that changes rows; returns how many. */
    public static int updateArrays(Session session, String sql, List<?> params) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = prepareWithArrays(connection, sql, params)) {
                return statement.executeUpdate();
            }
        });
    }

    private static PreparedStatement prepareWithArrays(Connection connection, String sql, List<?> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            int index = 1;
            for (Object param : params) {
                if (param instanceof Collection<?> array) {
                    setArray(connection, statement, index++, array);
                } else {
                    set(statement, index++, param);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void setArray(Connection connection, PreparedStatement statement, int index, Collection<?> array)
            throws SQLException {
        statement.setArray(index, connection.createArrayOf(array.isEmpty() ? "varchar" : arrayType(array),
                array.stream().map(e -> e instanceof Enum<?> en ? en.name() : e).toArray()));
    }

    /** A query written out in full, its parameters in order. */
    public static <T> List<T> select(Session session, String sql, List<?> params, RowReader<T> reader) {
        return session.doReturningWork(connection -> select(connection, sql, params, reader));
    }

    private static <T> List<T> select(Connection connection, String sql, List<?> params, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object param : params) {
                set(statement, index++, param);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        }
    }

    /** Epoch milliseconds of a nullable column as an instant. */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static final String IN_LIST = " IN (?*)";

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> params,
                                             List<? extends Collection<?>> lists, boolean arraysOnPostgres) throws SQLException {
        boolean arrays = arraysOnPostgres && isPostgres(connection);
        StringBuilder text = new StringBuilder();
        int from = 0;
        for (Collection<?> list : lists) {
            int at = sql.indexOf(IN_LIST, from);
            if (at < 0) {
                throw new IllegalArgumentException("fewer IN (?*) than lists in: " + sql);
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException("an IN list needs at least one element");
            }
            text.append(sql, from, at).append(arrays ? " = ANY (?)" : expand(IN_LIST, list.size()));
            from = at + IN_LIST.length();
        }
        text.append(sql, from, sql.length());
        PreparedStatement statement = connection.prepareStatement(text.toString());
        try {
            if (arrays) {
                // Planned with its values every time, never as a cached generic plan: one made while
                // the tables were small scanned them whole, and went on doing so as they grew
                // (0.9 ms to 7 ms a group over an on-sale's first 5,000 orders, until autovacuum's
                // ANALYZE invalidated it).
                statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
            }
            int index = 1;
            for (Object param : params) {
                set(statement, index++, param);
            }
            for (Collection<?> list : lists) {
                if (arrays) {
                    setArray(connection, statement, index++, list);
                } else {
                    for (Object element : list) {
                        set(statement, index++, element);
                    }
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static String arrayType(Collection<?> list) {
        Object first = list.iterator().next();
        if (first instanceof Long) {
            return "bigint";
        }
        if (first instanceof Integer) {
            return "integer";
        }
        if (first instanceof String || first instanceof Enum<?>) {
            return "varchar";
        }
        throw new IllegalArgumentException("no array type for " + first.getClass().getSimpleName());
    }

    private static String expand(String sql, int size) {
        if (size == 0) {
            throw new IllegalArgumentException("an IN list needs at least one element");
        }
        StringBuilder marks = new StringBuilder("(");
        for (int i = 0; i < size; i++) {
            marks.append(i == 0 ? "?" : ",?");
        }
        return sql.replace("(?*)", marks.append(')').toString());
    }

    private static void set(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setLong(index, instant.toEpochMilli());
        } else if (value instanceof Enum<?> e) {
            statement.setString(index, e.name());
        } else {
            statement.setObject(index, value);
        }
    }
}
