package com.admitone.server.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A lease of seats and general-admission places of one performance to one device until a deadline
 * (docs/offline.md). The seats are ALLOTTED in {@code seat_state} under this id; places are counted
 * in {@code allotment_area}.
 */
@Entity
@Table(name = "allotment")
public class Allotment {
    public static final String OPEN = "OPEN";
    public static final String RELEASED = "RELEASED";
    public static final String EXPIRED = "EXPIRED";

    @Id
    String id;
    @Column(name = "performance_id")
    long performanceId;
    @Column(name = "device_id")
    String deviceId;
    @Column(name = "created_by")
    String createdBy;
    @Column(name = "created_ms")
    Instant created;
    @Column(name = "until_ms")
    Instant until;
    String status;

    protected Allotment() {
    }

    Allotment(String id, long performanceId, String deviceId, String createdBy, Instant created, Instant until) {
        this.id = id;
        this.performanceId = performanceId;
        this.deviceId = deviceId;
        this.createdBy = createdBy;
        this.created = created;
        this.until = until;
        this.status = OPEN;
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

    public Instant until() {
        return until;
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }
}
