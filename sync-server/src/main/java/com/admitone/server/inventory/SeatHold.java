package com.admitone.server.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Seats and places a device holds for a customer at the counter, until it sells them or the hold expires. */
@Entity
@Table(name = "seat_hold")
public class SeatHold {
    public static final String OPEN = "OPEN";
    public static final String SOLD = "SOLD";
    public static final String RELEASED = "RELEASED";
    public static final String EXPIRED = "EXPIRED";

    @Id
    String id;
    @Column(name = "performance_id")
    long performanceId;
    @Column(name = "device_id")
    String deviceId;
    @Column(name = "user_id")
    String userId;
    @Column(name = "created_ms")
    Instant created;
    @Column(name = "expires_ms")
    Instant expires;
    String status;

    protected SeatHold() {
    }

    SeatHold(String id, long performanceId, String deviceId, String userId, Instant created, Instant expires) {
        this.id = id;
        this.performanceId = performanceId;
        this.deviceId = deviceId;
        this.userId = userId;
        this.created = created;
        this.expires = expires;
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

    public Instant expires() {
        return expires;
    }

    public String status() {
        return status;
    }

    public boolean isLive(Instant now) {
        return OPEN.equals(status) && now.isBefore(expires);
    }

    void close(String newStatus) {
        status = newStatus;
    }

    public Map<String, Object> feedData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("performanceId", performanceId);
        data.put("deviceId", deviceId);
        data.put("expiresAt", expires.toString());
        data.put("status", status);
        return data;
    }
}
