package com.admitone.client.store.replica;

import com.admitone.model.inventory.SeatState;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The state of one seat for one performance. Only seats that left FREE have a row. The feed's
 * word is in {@code state}; a command of this device that the server has not settled yet puts its
 * expected outcome in {@code provisionalState}, which wins for display until the feed catches up.
 */
@Entity
@Table(name = "seat_state")
public class SeatStatus {
    @EmbeddedId
    @AttributeOverride(name = "item", column = @Column(name = "seat_id"))
    PerformanceItemKey id;
    String state;
    @Column(name = "hold_device_id")
    String holdDeviceId;
    @Column(name = "hold_expires_ms")
    Instant holdExpires;
    @Column(name = "order_id")
    String orderId;
    @Column(name = "allotted_device_id")
    String allottedDeviceId;
    @Column(name = "provisional_state")
    String provisionalState;
    @Column(name = "provisional_key")
    String provisionalKey;

    protected SeatStatus() {
    }

    SeatStatus(PerformanceItemKey id) {
        this.id = id;
        this.state = SeatState.FREE.name();
    }

    public long performanceId() {
        return id.performanceId;
    }

    public long seatId() {
        return id.item;
    }

    /** What the server said last. */
    public SeatState confirmedState() {
        return SeatState.valueOf(state);
    }

    /** What to show: this device's unsettled command if there is one, else the server's word. */
    public SeatState effectiveState() {
        return provisionalState != null ? SeatState.valueOf(provisionalState) : confirmedState();
    }

    public boolean isProvisional() {
        return provisionalKey != null;
    }

    public String holdDeviceId() {
        return holdDeviceId;
    }

    public Instant holdExpires() {
        return holdExpires;
    }

    public String orderId() {
        return orderId;
    }

    public String allottedDeviceId() {
        return allottedDeviceId;
    }

    public String provisionalKey() {
        return provisionalKey;
    }
}
