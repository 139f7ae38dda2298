package com.admitone.server.sales;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A provisional offline sale the server could not place (docs/offline.md): the order and its
 * payments are kept, the unplaced tickets are CANCELLED, and staff settle it with ResolveConflict.
 */
@Entity
@Table(name = "offline_conflict")
public class OfflineConflict {
    static final String OPEN = "OPEN";
    static final String RESOLVED = "RESOLVED";

    @Id
    String id;
    @Column(name = "order_id")
    String orderId;
    @Column(name = "performance_id")
    long performanceId;
    @Column(name = "device_id")
    String deviceId;
    String status;
    /** The unplaced tickets, comma-separated, in the order of the sale's lines. */
    @Column(name = "ticket_ids")
    String ticketIds;
    /** The seats those tickets asked for, comma-separated. */
    @Column(name = "seat_ids")
    String seatIds;
    /** The general-admission areas of unplaced places, comma-separated (one entry per place). */
    @Column(name = "area_ids")
    String areaIds;
    @Column(name = "created_ms")
    Instant created;
    String resolution;
    String note;
    @Column(name = "resolved_ms")
    Instant resolved;
    @Column(name = "resolved_by")
    String resolvedBy;

    protected OfflineConflict() {
    }

    OfflineConflict(String id, String orderId, long performanceId, String deviceId, List<String> ticketIds, List<Long> seatIds,
                    List<Long> areaIds, Instant created) {
        this.id = id;
        this.orderId = orderId;
        this.performanceId = performanceId;
        this.deviceId = deviceId;
        this.status = OPEN;
        this.ticketIds = String.join(",", ticketIds);
        this.seatIds = join(seatIds);
        this.areaIds = join(areaIds);
        this.created = created;
    }

    List<String> ticketIds() {
        return ticketIds.isEmpty() ? List.of() : Arrays.asList(ticketIds.split(","));
    }

    Map<String, Object> feedData(String orderNumber) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("orderId", orderId);
        data.put("orderNumber", orderNumber);
        data.put("performanceId", performanceId);
        data.put("deviceId", deviceId);
        data.put("status", status);
        data.put("ticketIds", ticketIds());
        data.put("seatIds", split(seatIds));
        data.put("areaIds", split(areaIds));
        data.put("createdAt", created.toString());
        if (resolution != null) {
            data.put("resolution", resolution);
        }
        if (note != null) {
            data.put("note", note);
        }
        if (resolved != null) {
            data.put("resolvedAt", resolved.toString());
            data.put("resolvedBy", resolvedBy);
        }
        return data;
    }

    private static String join(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static List<Long> split(String ids) {
        return ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }
}
