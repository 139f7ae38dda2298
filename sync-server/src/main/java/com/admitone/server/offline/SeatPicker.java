package com.admitone.server.offline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses seats among free ones: for a moved provisional sale the seats nearest to the ones the
 * customer was sold (together in one row where possible), for a standing allotment the best block.
 * A pure function of the candidates, so it is tested without a database.
 */
public final class SeatPicker {
    private SeatPicker() {
    }

    /** A free seat that could be chosen: where it is in the room and in its row. */
    public record Candidate(long seatId, long sectionId, String row, int number, double x, double y) {
    }

    /**
     * {@code count} seats nearest to the point ({@code x}, {@code y}): the block of adjacent seats in
     * one row whose middle is nearest, or, when no row has that many adjacent, the nearest seats one
     * by one. Fewer than {@code count} only when fewer are free.
     */
    public static List<Long> nearest(Collection<Candidate> free, int count, double x, double y) {
        return pick(free, count, c -> distance(c, x, y));
    }

    /** {@code count} seats in the first free block of the given order (best seats first), else the first seats one by one. */
    public static List<Long> best(List<Candidate> freeBestFirst, int count) {
        Map<Long, Integer> rank = new HashMap<>();
        for (int i = 0; i < freeBestFirst.size(); i++) {
            rank.put(freeBestFirst.get(i).seatId(), i);
        }
        return pick(freeBestFirst, count, c -> rank.get(c.seatId()));
    }

    private interface Score {
        double of(Candidate candidate);
    }

    private static List<Long> pick(Collection<Candidate> free, int count, Score score) {
        if (count <= 0 || free.isEmpty()) {
            return List.of();
        }
        Map<String, List<Candidate>> rows = new HashMap<>();
        for (Candidate c : free) {
            rows.computeIfAbsent(c.sectionId() + "/" + c.row(), k -> new ArrayList<>()).add(c);
        }
        List<Candidate> bestBlock = null;
        double bestScore = Double.MAX_VALUE;
        for (List<Candidate> row : rows.values()) {
            row.sort(Comparator.comparingInt(Candidate::number));
            for (int start = 0; start + count <= row.size(); start++) {
                if (row.get(start + count - 1).number() - row.get(start).number() != count - 1) {
                    continue; // a gap (a taken seat) inside the window: not adjacent
                }
                double blockScore = 0;
                for (int i = start; i < start + count; i++) {
                    blockScore += score.of(row.get(i));
                }
                blockScore /= count;
                if (blockScore < bestScore) {
                    bestScore = blockScore;
                    bestBlock = row.subList(start, start + count);
                }
            }
        }
        if (bestBlock != null) {
            return bestBlock.stream().map(Candidate::seatId).toList();
        }
        return free.stream().sorted(Comparator.comparingDouble(score::of).thenComparingLong(Candidate::seatId))
                .limit(count).map(Candidate::seatId).toList();
    }

    private static double distance(Candidate c, double x, double y) {
        double dx = c.x() - x;
        double dy = c.y() - y;
        return Math.sqrt(dx * dx + dy * dy);
    }
}
