package com.admitone.server.inventory;

import com.admitone.model.inventory.SeatState;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The authoritative state of one seat for one performance. State changes are made with
 * conditional bulk updates ({@code ... where state = 'FREE'}), so two counters can never both win.
 */
@Entity
@Table(name = "seat_state")
public class SeatStatus {
    @EmbeddedId
    SeatStatusId id;
    @Enumerated(EnumType.STRING)
    SeatState state;
    @Column(name = "hold_id")
    String holdId;
    @Column(name = "hold_expires_ms")
    Instant holdExpires;
    @Column(name = "hold_device_id")
    String holdDeviceId;
    @Column(name = "order_id")
    String orderId;
    @Column(name = "allotted_device_id")
    String allottedDeviceId;
    @Column(name = "allotted_until_ms")
    Instant allottedUntil;
    @Column(name = "block_reason")
    String blockReason;
    int version;

    protected SeatStatus() {
    }

    public SeatStatus(long performanceId, long seatId) {
        this.id = new SeatStatusId(performanceId, seatId);
        this.state = SeatState.FREE;
    }

    public long seatId() {
        return id.seatId;
    }

    public long performanceId() {
        return id.performanceId;
    }

    public SeatState state() {
        return state;
    }

    public String holdDeviceId() {
        return holdDeviceId;
    }

    public Instant holdExpires() {
        return holdExpires;
    }

    public static String feedId(long performanceId, long seatId) {
        return performanceId + ":" + seatId;
    }

    /** The change-feed form; what a client needs to colour the seat (held by me or by another counter). */
    public static Map<String, Object> feedData(long performanceId, long seatId, SeatState state, String holdDeviceId,
                                               Instant holdExpires, String orderId, String allottedDeviceId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("performanceId", performanceId);
        data.put("seatId", seatId);
        data.put("state", state.name());
        if (holdDeviceId != null) {
            data.put("holdDeviceId", holdDeviceId);
        }
        if (holdExpires != null) {
            data.put("holdExpiresAt", holdExpires.toString());
        }
        if (orderId != null) {
            data.put("orderId", orderId);
        }
        if (allottedDeviceId != null) {
            data.put("allottedDeviceId", allottedDeviceId);
        }
        return data;
    }
}
