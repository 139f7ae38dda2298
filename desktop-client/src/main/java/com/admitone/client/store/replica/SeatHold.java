package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A hold on seats by some device until it expires. */
@Entity
@Table(name = "seat_hold")
public class SeatHold {
    @Id
    String id;
    @Column(name = "performance_id")
    long performanceId;
    @Column(name = "device_id")
    String deviceId;
    @Column(name = "expires_ms")
    Instant expires;
    String status;

    protected SeatHold() {
    }

    SeatHold(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public long performanceId() {
        return performanceId;
    }

    public String deviceId() {
        return deviceId;
    }

    public Instant expires() {
        return expires;
    }

    public String status() {
        return status;
    }
}
