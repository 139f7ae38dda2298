package com.admitone.bench.onsale;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What the buyers believe is free: the last seat-map snapshot fetched from the server (shared by
 * all buyers, possibly stale), minus the seats the server has since confirmed to one of them or
 * named as taken when it refused a sale. Sold seats never become free again during an on-sale, so
 * "not free here" is always true.
 */
final class SeatView {
    private final SeatMap map;
    private final AtomicIntegerArray taken;
    private volatile boolean[] snapshot;
    private volatile int snapshotNumber;

    SeatView(SeatMap map, boolean[] initialFree) {
        this.map = map;
        this.taken = new AtomicIntegerArray(map.size());
        this.snapshot = initialFree.clone();
    }

    void install(boolean[] free) {
        snapshot = free;
        snapshotNumber++;
    }

    int snapshotNumber() {
        return snapshotNumber;
    }

    /** Seats the server confirmed to a buyer, or said were taken: not free from now on. */
    void markTaken(int[] seats) {
        for (int i : seats) {
            taken.set(i, 1);
        }
    }

    private boolean free(boolean[] snap, int i) {
        return snap[i] && taken.get(i) == 0;
    }

    int freeCount() {
        boolean[] snap = snapshot;
        int n = 0;
        for (int i = 0; i < snap.length; i++) {
            if (free(snap, i)) {
                n++;
            }
        }
        return n;
    }

    /** The longest stretch of adjacent free seats anywhere (0 when nothing is free). */
    int largestBlock() {
        boolean[] snap = snapshot;
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
        boolean[] snap = snapshot;
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
