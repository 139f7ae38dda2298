package com.admitone.server.storage;

import org.hibernate.Session;

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
 */
public final class Sql {
    private Sql() {
    }

    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    public static int update(Session session, String sql, Collection<?> list, Object... params) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(expand(sql, list.size()))) {
                bind(statement, list, params);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * {@code UPDATE table SET set WHERE where AND column IN (list)}, but only if every row of the
     * list matches {@code where}: all rows or none change, so a refusal (some seat no longer free)
     * leaves nothing written that would have to be rolled back. Returns the rows changed.
     */
    public static int updateAllOrNone(Session session, String table, String set, List<Object> setParams, String where,
                                      List<Object> whereParams, String column, Collection<?> list) {
        String in = expand(" AND " + column + " IN (?*)", list.size());
        String sql = "UPDATE " + table + " SET " + set + " WHERE " + where + in
                + " AND (SELECT COUNT(*) FROM " + table + " WHERE " + where + in + ") = ?";
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (List<?> values : List.of(setParams, whereParams, List.copyOf(list), whereParams, List.copyOf(list))) {
                    for (Object value : values) {
                        set(statement, index++, value);
                    }
                }
                statement.setInt(index, list.size());
                return statement.executeUpdate();
            }
        });
    }

    public static <T> List<T> query(Session session, String sql, Collection<?> list, RowReader<T> reader, Object... params) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(expand(sql, list.size()))) {
                bind(statement, list, params);
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

    /** A query written out in full, its parameters in order. */
    public static <T> List<T> select(Session session, String sql, List<?> params, RowReader<T> reader) {
        return session.doReturningWork(connection -> {
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
        });
    }

    /** Epoch milliseconds of a nullable column as an instant. */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
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

    /** The parameters first, then the list: the list's {@code (?*)} is the last placeholder in the SQL. */
    private static void bind(PreparedStatement statement, Collection<?> list, Object[] params) throws SQLException {
        int index = 1;
        for (Object param : params) {
            set(statement, index++, param);
        }
        for (Object element : list) {
            set(statement, index++, element);
        }
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
