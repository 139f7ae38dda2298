package com.admitone.server.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** Key of a seat's state in one performance. */
@Embeddable
public class SeatStatusId implements Serializable {
    @Column(name = "performance_id")
    long performanceId;
    @Column(name = "seat_id")
    long seatId;

    protected SeatStatusId() {
    }

    public SeatStatusId(long performanceId, long seatId) {
        this.performanceId = performanceId;
        this.seatId = seatId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeatStatusId other && performanceId == other.performanceId && seatId == other.seatId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(performanceId, seatId);
    }
}
