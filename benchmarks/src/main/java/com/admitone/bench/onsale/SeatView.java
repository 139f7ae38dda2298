package com.admitone.bench.onsale;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the buyers believe is free: the last seat-map snapshot fetched from the server (shared by
 * all buyers, possibly stale), minus the seats the server has since confirmed to one of them, minus
 * the seats it named as taken when it refused a sale after that snapshot's fetch began. Confirmed
 * seats stay taken for good (sold seats do not come back during an on-sale); a refusal's word only
 * lasts until a newer snapshot, so a server that named a seat wrongly cannot hide it for long.
 */
final class SeatView {
    private static final long NEVER = Long.MIN_VALUE;

    private final SeatMap map;
    private final AtomicIntegerArray confirmed;
    private final AtomicLongArray namedAt;
    private volatile Snapshot snapshot;
    private volatile int snapshotNumber;

    /** Seat states as fetched, and when the fetch began ({@link System#nanoTime()}). */
    private record Snapshot(boolean[] free, long fetchStarted) {
    }

    SeatView(SeatMap map, boolean[] initialFree) {
        this.map = map;
        this.confirmed = new AtomicIntegerArray(map.size());
        this.namedAt = new AtomicLongArray(map.size());
        for (int i = 0; i < map.size(); i++) {
            namedAt.set(i, NEVER);
        }
        this.snapshot = new Snapshot(initialFree.clone(), System.nanoTime());
    }

    /** A fresh snapshot whose fetch began at {@code fetchStarted}. */
    synchronized void install(boolean[] free, long fetchStarted) {
        if (fetchStarted - snapshot.fetchStarted() > 0) {
            snapshot = new Snapshot(free, fetchStarted);
            snapshotNumber++;
        }
    }

    int snapshotNumber() {
        return snapshotNumber;
    }

    /** Seats the server confirmed to a buyer: taken for good. */
    void markConfirmed(int[] seats) {
        for (int i : seats) {
            confirmed.set(i, 1);
        }
    }

    /** Seats a refusal named as taken: not free until a snapshot fetched later says otherwise. */
    void markNamed(int[] seats) {
        long now = System.nanoTime();
        for (int i : seats) {
            namedAt.set(i, now);
        }
    }

    private boolean free(Snapshot snap, int i) {
        if (!snap.free()[i] || confirmed.get(i) != 0) {
            return false;
        }
        long named = namedAt.get(i);
        return named == NEVER || named - snap.fetchStarted() < 0;
    }

    int freeCount() {
        Snapshot snap = snapshot;
        int n = 0;
        for (int i = 0; i < map.size(); i++) {
            if (free(snap, i)) {
                n++;
            }
        }
        return n;
    }

    /** The longest stretch of adjacent free seats anywhere (0 when nothing is free). */
    int largestBlock() {
        Snapshot snap = snapshot;
        int best = 0;
        for (int[] run : map.runs) {
            int length = 0;
            for (int i : run) {
                length = free(snap, i) ? length + 1 : 0;
                best = Math.max(best, length);
            }
        }
        return best;
    }

    /**
     * A block of {@code n} adjacent free seats in one row, chosen uniformly at random among all
     * such blocks (buyers do not all go for the same seats), or null if there is none.
     */
    int[] pick(int n, SplittableRandom random) {
        Snapshot snap = snapshot;
        int windows = 0;
        for (int[] run : map.runs) {
            int length = 0;
            for (int i : run) {
                length = free(snap, i) ? length + 1 : 0;
                if (length >= n) {
                    windows++;
                }
            }
        }
        if (windows == 0) {
            return null;
        }
        int target = random.nextInt(windows);
        for (int[] run : map.runs) {
            int length = 0;
            for (int k = 0; k < run.length; k++) {
                length = free(snap, run[k]) ? length + 1 : 0;
                if (length >= n && target-- == 0) {
                    int[] block = new int[n];
                    System.arraycopy(run, k - n + 1, block, 0, n);
                    return block;
                }
            }
        }
        return null; // a seat was confirmed between the two passes; the caller simply asks again
    }
}
