package com.admitone.server.sales;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An order: tickets for one performance, paid together, with a number staff can read out. */
@Entity
@Table(name = "customer_order")
public class CustomerOrder {
    static final String PAID = "PAID";
    static final String PART_REFUNDED = "PART_REFUNDED";
    static final String REFUNDED = "REFUNDED";
    /** Every ticket given back, at least one of them in an exchange. */
    static final String EXCHANGED = "EXCHANGED";
    static final String PART_EXCHANGED = "PART_EXCHANGED";

    @Id
    String id;
    @Column(name = "order_number")
    String number;
    @Column(name = "performance_id")
    long performanceId;
    String status;
    String currency;
    @Column(name = "total_minor")
    long totalMinor;
    @Column(name = "discount_minor")
    long discountMinor;
    @Column(name = "discount_reason")
    String discountReason;
    @Column(name = "customer_name")
    String customerName;
    @Column(name = "customer_email")
    String customerEmail;
    @Column(name = "customer_phone")
    String customerPhone;
    @Column(name = "user_id")
    String userId;
    @Column(name = "device_id")
    String deviceId;
    @Column(name = "created_ms")
    Instant created;
    @Column(name = "device_time_ms")
    Instant deviceTime;
    /** What sync made of an offline sale (a {@code ReconcileOutcome} name); null for a sale made online. */
    @Column(name = "reconcile_outcome")
    String reconcileOutcome;

    protected CustomerOrder() {
    }

    CustomerOrder(String id, String number, long performanceId, String currency, String userId, String deviceId, Instant created) {
        this.id = id;
        this.number = number;
        this.performanceId = performanceId;
        this.currency = currency;
        this.userId = userId;
        this.deviceId = deviceId;
        this.created = created;
        this.status = PAID;
    }

    Map<String, Object> feedData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("number", number);
        data.put("performanceId", performanceId);
        data.put("status", status);
        data.put("currency", currency);
        data.put("totalMinor", totalMinor);
        data.put("discountMinor", discountMinor);
        if (discountReason != null) {
            data.put("discountReason", discountReason);
        }
        if (customerName != null) {
            data.put("customerName", customerName);
        }
        if (customerEmail != null) {
            data.put("customerEmail", customerEmail);
        }
        if (customerPhone != null) {
            data.put("customerPhone", customerPhone);
        }
        data.put("userId", userId);
        data.put("deviceId", deviceId);
        data.put("createdAt", created.toString());
        if (reconcileOutcome != null) {
            data.put("offline", true);
            data.put("outcome", reconcileOutcome);
        }
        return data;
    }
}
