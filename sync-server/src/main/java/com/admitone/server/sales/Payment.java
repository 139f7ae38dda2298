package com.admitone.server.sales;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Money taken for an order (PAYMENT) or paid back (REFUND); amounts are positive minor units. */
@Entity
@Table(name = "payment")
public class Payment {
    static final String PAYMENT = "PAYMENT";
    static final String REFUND = "REFUND";

    @Id
    String id;
    @Column(name = "order_id")
    String orderId;
    String kind;
    String method;
    @Column(name = "amount_minor")
    long amountMinor;
    @Column(name = "tendered_minor")
    Long tenderedMinor;
    String reference;
    String reason;
    @Column(name = "user_id")
    String userId;
    @Column(name = "device_id")
    String deviceId;
    @Column(name = "created_ms")
    Instant created;

    protected Payment() {
    }

    Payment(String id, String orderId, String kind, String method, long amountMinor, Long tenderedMinor, String reference,
            String reason, String userId, String deviceId, Instant created) {
        this.id = id;
        this.orderId = orderId;
        this.kind = kind;
        this.method = method;
        this.amountMinor = amountMinor;
        this.tenderedMinor = tenderedMinor;
        this.reference = reference;
        this.reason = reason;
        this.userId = userId;
        this.deviceId = deviceId;
        this.created = created;
    }

    Map<String, Object> feedData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("orderId", orderId);
        data.put("kind", kind);
        data.put("method", method);
        data.put("amountMinor", amountMinor);
        if (tenderedMinor != null) {
            data.put("tenderedMinor", tenderedMinor);
        }
        if (reference != null) {
            data.put("reference", reference);
        }
        if (reason != null) {
            data.put("reason", reason);
        }
        data.put("userId", userId);
        data.put("deviceId", deviceId);
        data.put("createdAt", created.toString());
        return data;
    }
}
