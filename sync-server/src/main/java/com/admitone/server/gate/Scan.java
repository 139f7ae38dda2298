package com.admitone.server.gate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One stored scan from a gate. */
@Entity
@Table(name = "scan")
public class Scan {
    @Id
    String id;
    @Column(name = "ticket_id")
    String ticketId;
    @Column(name = "performance_id")
    Long performanceId;
    String gate;
    String mode;
    String verdict;
    @Column(name = "device_time_ms")
    Instant deviceTime;
    @Column(name = "received_ms")
    Instant received;
    @Column(name = "device_id")
    String deviceId;
    @Column(name = "user_id")
    String userId;
    boolean duplicate;

    protected Scan() {
    }

    Scan(String id, String ticketId, Long performanceId, String gate, String mode, String verdict, Instant deviceTime,
         Instant received, String deviceId, String userId, boolean duplicate) {
        this.id = id;
        this.ticketId = ticketId;
        this.performanceId = performanceId;
        this.gate = gate;
        this.mode = mode;
        this.verdict = verdict;
        this.deviceTime = deviceTime;
        this.received = received;
        this.deviceId = deviceId;
        this.userId = userId;
        this.duplicate = duplicate;
    }

    Map<String, Object> feedData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        if (ticketId != null) {
            data.put("ticketId", ticketId);
        }
        if (performanceId != null) {
            data.put("performanceId", performanceId);
        }
        data.put("gate", gate);
        data.put("mode", mode);
        data.put("verdict", verdict);
        if (deviceTime != null) {
            data.put("deviceTime", deviceTime.toString());
        }
        data.put("recordedAt", received.toString());
        data.put("deviceId", deviceId);
        data.put("duplicate", duplicate);
        return data;
    }
}
