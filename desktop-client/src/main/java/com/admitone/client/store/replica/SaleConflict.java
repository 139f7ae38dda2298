package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A provisional sale the server could not place (feed {@code conflict}): the order is kept, the
 * tickets that found no seat are revoked, and staff settle it. {@code pendingKey} marks a
 * resolution this device has sent but the feed has not confirmed yet.
 */
@Entity
@Table(name = "sale_conflict")
public class SaleConflict {
    @Id
    String id;
    @Column(name = "order_id")
    String orderId;
    @Column(name = "performance_id")
    Long performanceId;
    @Column(name = "device_id")
    String deviceId;
    String status;
    String reason;
    @Column(name = "ticket_ids")
    String ticketIds = "";
    @Column(name = "seat_ids")
    String seatIds = "";
    @Column(name = "area_ids")
    String areaIds = "";
    @Column(name = "order_number")
    String orderNumber;
    @Column(name = "created_ms")
    Instant created;
    @Column(name = "resolved_ms")
    Instant resolved;
    String resolution;
    String note;
    @Column(name = "pending_key")
    String pendingKey;

    protected SaleConflict() {
    }

    SaleConflict(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public List<Long> areaIds() {
        return split(areaIds).stream().map(Long::parseLong).toList();
    }

    public String orderId() {
        return orderId;
    }

    public Long performanceId() {
        return performanceId;
    }

    public String deviceId() {
        return deviceId;
    }

    public String status() {
        return status;
    }

    public boolean open() {
        return "OPEN".equals(status) && pendingKey == null;
    }

    public boolean resolving() {
        return pendingKey != null;
    }

    public String reason() {
        return reason;
    }

    public List<String> ticketIds() {
        return split(ticketIds);
    }

    public List<Long> seatIds() {
        return split(seatIds).stream().map(Long::parseLong).toList();
    }

    public Instant created() {
        return created;
    }

    public String resolution() {
        return resolution;
    }

    public String note() {
        return note;
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        for (String p : text == null ? new String[0] : text.split(",")) {
            if (!p.isBlank()) {
                parts.add(p.trim());
            }
        }
        return parts;
    }
}
