package com.admitone.server.sales;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One admission: a seat or a general-admission place, with its signed token. */
@Entity
@Table(name = "ticket")
public class Ticket {
    static final String VALID = "VALID";
    static final String REFUNDED = "REFUNDED";
    /** Sold offline but never placed (a conflict): revoked, its money still on the order until a resolution. */
    static final String CANCELLED = "CANCELLED";
    static final String EXCHANGED = "EXCHANGED";

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
    int reprints;

    protected Ticket() {
    }

    Ticket(String id, String orderId, long performanceId, Long seatId, Long areaId, String priceType, long priceMinor,
           long discountMinor, String discountReason, String token, String keyId, Instant issued) {
        this.id = id;
        this.orderId = orderId;
        this.performanceId = performanceId;
        this.seatId = seatId;
        this.areaId = areaId;
        this.priceType = priceType;
        this.priceMinor = priceMinor;
        this.discountMinor = discountMinor;
        this.discountReason = discountReason;
        this.token = token;
        this.keyId = keyId;
        this.issued = issued;
        this.status = VALID;
    }

    /** The ticket could not be placed: revoked at once, so no gate admits it. */
    void cancel(Instant now) {
        status = CANCELLED;
        revoked = now;
    }

    /** The ticket now admits to another seat (or place) with a token the server signed. */
    void reissue(Long newSeatId, String newToken, String newKeyId, Instant now) {
        if (newSeatId != null) {
            seatId = newSeatId;
        }
        token = newToken;
        keyId = newKeyId;
        issued = now;
        status = VALID;
        revoked = null;
    }

    long netMinor() {
        return priceMinor - discountMinor;
    }

    Map<String, Object> feedData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("orderId", orderId);
        data.put("performanceId", performanceId);
        if (seatId != null) {
            data.put("seatId", seatId);
        }
        if (areaId != null) {
            data.put("areaId", areaId);
        }
        data.put("priceType", priceType);
        data.put("priceMinor", priceMinor);
        data.put("discountMinor", discountMinor);
        if (discountReason != null) {
            data.put("discountReason", discountReason);
        }
        data.put("status", status);
        data.put("token", token);
        data.put("keyId", keyId);
        data.put("issuedAt", issued.toString());
        if (revoked != null) {
            data.put("revokedAt", revoked.toString());
        }
        return data;
    }
}
