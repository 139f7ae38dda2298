package com.admitone.server.programme;

import java.time.Instant;

/** A performance in the picker: what it is, when, and how much is left. */
public record PerformanceSummary(long id, long eventId, String title, long venueId, String venueName, String timezone,
                                 Instant startsAt, String status, int seatCount, int gaCapacity, int free, int sold,
                                 int held) {
}
