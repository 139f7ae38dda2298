package com.admitone.bench.onsale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The floor: the same seat sales done as directly as the database allows, one JDBC transaction
 * per order of conditional updates
 * ({@code UPDATE seat SET state='SOLD' WHERE performance_id=? AND seat_id=? AND state='FREE'}),
 * one after another on one connection. No HTTP, JSON, ORM, payments or tickets: what is left is the
 * database's own cost of selling those seats, which the server can approach but not beat.
 */
final class JdbcFloor {
    private JdbcFloor() {
    }

    /**
     * @param rounds         timed rounds after one untimed warm-up round
     * @param sold           seats sold per round
     * @param conflicts      orders rolled back because a seat was not free (0 for a valid replay)
     * @param medianSeconds  the median round's time
     * @param bestSeconds    the fastest round's time
     */
    record Result(int rounds, int sold, int conflicts, double medianSeconds, double bestSeconds) {
        double soldPerSecond() {
            return sold / medianSeconds;
        }
    }

    /**
     * Creates {@code floor_seat} with the performance's seats, all FREE, then sells {@code orders}
     * (each a list of seat ids) {@code rounds + 1} times, resetting the seats between rounds.
     */
    static Result run(Connection c, long performanceId, long[] seatIds, List<long[]> orders, int rounds)
            throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS floor_seat");
            s.execute("CREATE TABLE floor_seat (performance_id BIGINT NOT NULL, seat_id BIGINT NOT NULL, "
                    + "state VARCHAR(16) NOT NULL, PRIMARY KEY (performance_id, seat_id))");
        }
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO floor_seat (performance_id, seat_id, state) VALUES (?, ?, 'FREE')")) {
            for (long id : seatIds) {
                insert.setLong(1, performanceId);
                insert.setLong(2, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        c.commit();

        double[] seconds = new double[rounds];
        int sold = 0;
        int conflicts = 0;
        try (PreparedStatement reset = c.prepareStatement(
                "UPDATE floor_seat SET state = 'FREE' WHERE performance_id = ?");
             PreparedStatement sell = c.prepareStatement(
                     "UPDATE floor_seat SET state = 'SOLD' WHERE performance_id = ? AND seat_id = ? AND state = 'FREE'")) {
            for (int round = -1; round < rounds; round++) {
                reset.setLong(1, performanceId);
                reset.executeUpdate();
                c.commit();
                int roundSold = 0;
                int roundConflicts = 0;
                long start = System.nanoTime();
                for (long[] order : orders) {
                    boolean ok = true;
                    for (long seatId : order) {
                        sell.setLong(1, performanceId);
                        sell.setLong(2, seatId);
                        if (sell.executeUpdate() != 1) {
                            ok = false;
                            break;
                        }
                    }
                    if (ok) {
                        c.commit();
                        roundSold += order.length;
                    } else {
                        c.rollback();
                        roundConflicts++;
                    }
                }
                long elapsed = System.nanoTime() - start;
                if (round >= 0) {
                    seconds[round] = elapsed / 1e9;
                    sold = roundSold;
                    conflicts = roundConflicts;
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return new Result(rounds, sold, conflicts, sorted[(sorted.length - 1) / 2], sorted[0]);
    }
}
