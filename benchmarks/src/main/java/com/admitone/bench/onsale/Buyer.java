package com.admitone.bench.onsale;

import java.util.SplittableRandom;

/**
 * One buyer: a party of 1 to 6 who want to sit together. If no block that size is free anywhere
 * the party settles for the largest block there is and buys the rest of its seats afterwards.
 */
final class Buyer {
    enum End { SATISFIED, SOLD_OUT, FAILED }

    final int id;
    final int party;
    final SplittableRandom random;
    int remaining;
    int attempts;
    int orders;
    End end;

    Buyer(int id, int party, long seed) {
        this.id = id;
        this.party = party;
        this.remaining = party;
        this.random = new SplittableRandom(seed);
    }

    /** Party sizes for an on-sale: singles and groups of 2 to 6, the smaller groups more common. */
    static int drawPartySize(SplittableRandom random) {
        int r = random.nextInt(100);
        if (r < 30) {
            return 1;
        } else if (r < 60) {
            return 2;
        } else if (r < 75) {
            return 3;
        } else if (r < 88) {
            return 4;
        } else if (r < 95) {
            return 5;
        }
        return 6;
    }
}
