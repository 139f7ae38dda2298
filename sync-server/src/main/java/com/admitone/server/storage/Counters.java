package com.admitone.server.storage;

import org.hibernate.Session;

/**
 * Number ranges kept in the {@code counter} table: the change-feed sequence and the ids of
 * reference data. Taking a range updates the counter row, which PostgreSQL locks until commit, so
 * ranges are handed out in commit order across every server node sharing the database.
 */
public final class Counters {
    public static final String FEED = "feed";
    public static final String REFERENCE = "reference";

    private Counters() {
    }

    /** Reserves {@code count} numbers and returns the first; the range is first..first+count-1. */
    public static long take(Session session, String name, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive");
        }
        // One round trip: the range is taken and read in the same statement (SQLite has RETURNING since 3.35).
        Long last = session.doReturningWork(connection -> {
            try (var statement = connection.prepareStatement("UPDATE counter SET value = value + ? WHERE name = ? RETURNING value")) {
                statement.setLong(1, count);
                statement.setString(2, name);
                try (var result = statement.executeQuery()) {
                    return result.next() ? result.getLong(1) : null;
                }
            }
        });
        if (last == null) {
            throw new IllegalStateException("missing counter " + name);
        }
        return last - count + 1;
    }
}
