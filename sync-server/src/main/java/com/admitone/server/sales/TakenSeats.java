package com.admitone.server.sales;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seats lately sold, or named taken in a refusal: a hint, never a rule. In a busy on-sale half the
 * sale requests ask for a seat that has just gone; signing their tickets ahead
 * ({@link SalesService#presign}) is wasted work on the request threads the applier shares the
 * machine with. A seat the hint wrongly calls taken (a refund freed it, the sale's transaction
 * rolled back) costs only a signature made inside the transaction instead of before it, so
 * entries simply age out and the map is emptied when it grows past its bound.
 */
final class TakenSeats {
    private static final long REMEMBER_NANOS = 120_000_000_000L;
    private static final int MAX_SEATS = 100_000;

    private record Seat(long performanceId, long seatId) {
    }

    private final Map<Seat, Long> seenAt = new ConcurrentHashMap<>();

    void taken(long performanceId, Collection<Long> seatIds) {
        if (seenAt.size() + seatIds.size() > MAX_SEATS) {
            seenAt.clear();
        }
        long now = System.nanoTime();
        for (Long seatId : seatIds) {
            seenAt.put(new Seat(performanceId, seatId), now);
        }
    }

    /** Whether the seat was seen sold or taken within the last two minutes. */
    boolean lately(long performanceId, long seatId) {
        Long at = seenAt.get(new Seat(performanceId, seatId));
        return at != null && System.nanoTime() - at < REMEMBER_NANOS;
    }
}
