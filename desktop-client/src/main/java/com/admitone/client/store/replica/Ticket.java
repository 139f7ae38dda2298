package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A ticket of an order: a seat or a general-admission place, with its signed token once issued. */
@Entity
@Table(name = "ticket")
public class Ticket {
    @Id
    String id;
    @Column(name = "order_id")
    String orderId;
    @Column(name = "performance_id")
    long performanceId;
    @Column(name = "seat_id")
    Long seatId;
    @Column(name = "area_id")
    Long areaId;
    @Column(name = "price_type")
    String priceType;
    @Column(name = "price_minor")
    long priceMinor;
    @Column(name = "discount_minor")
    long discountMinor;
    @Column(name = "discount_reason")
    String discountReason;
    String status;
    String token;
    @Column(name = "key_id")
    String keyId;
    @Column(name = "issued_ms")
    Instant issued;
    @Column(name = "revoked_ms")
    Instant revoked;
    @Column(name = "pending_key")
    String pendingKey;
    /** Set by an offline refund on this device until the server's version arrives (REFUNDED). */
    @Column(name = "provisional_status")
    String provisionalStatus;
    @Column(name = "provisional_key")
    String provisionalKey;

    protected Ticket() {
    }

    Ticket(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String orderId() {
        return orderId;
    }

    public long performanceId() {
        return performanceId;
    }

    public Long seatId() {
        return seatId;
    }

    public Long areaId() {
        return areaId;
    }

    public String priceType() {
        return priceType;
    }

    public long priceMinor() {
        return priceMinor;
    }

    public long discountMinor() {
        return discountMinor;
    }

    /** The status as this device knows it: its own unconfirmed refund first, then the server's. */
    public String status() {
        return provisionalStatus != null ? provisionalStatus : status;
    }

    /** A ticket's {@link #status()} and signing key as the gate reads them. */
    public record StatusAndKey(String status, String keyId) {
    }

    /**
     * {@link #status()} and the key id of one ticket, or null when the replica has no such ticket,
     * read in a {@link com.admitone.client.store.LocalStore#writeQuickly} transaction (a gate scan).
     */
    public static StatusAndKey statusAndKey(com.admitone.client.store.PreparedConnection db, String id)
            throws java.sql.SQLException {
        java.sql.PreparedStatement query = db.statement("select coalesce(provisional_status, status), key_id from ticket where id = ?");
        query.setString(1, id);
        try (java.sql.ResultSet row = query.executeQuery()) {
            return row.next() ? new StatusAndKey(row.getString(1), row.getString(2)) : null;
        }
    }

    public String confirmedStatus() {
        return status;
    }

    public String token() {
        return token;
    }

    public String keyId() {
        return keyId;
    }

    public boolean isProvisional() {
        return pendingKey != null;
    }
}
