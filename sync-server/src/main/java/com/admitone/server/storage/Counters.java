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
        int updated = session.createNativeMutationQuery("UPDATE counter SET value = value + :n WHERE name = :name")
                .setParameter("n", (long) count)
                .setParameter("name", name)
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("missing counter " + name);
        }
        Number last = (Number) session.createNativeQuery("SELECT value FROM counter WHERE name = :name", Long.class)
                .setParameter("name", name)
                .getSingleResult();
        return last.longValue() - count + 1;
    }
}
