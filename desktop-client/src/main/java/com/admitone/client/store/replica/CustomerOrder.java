package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An order. {@code pendingKey} is set while it exists only as this device's unconfirmed sale. */
@Entity
@Table(name = "customer_order")
public class CustomerOrder {
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
    @Column(name = "pending_key")
    String pendingKey;
    /** For a sale made offline: GUARANTEED or PROVISIONAL until sync answers, then ACCEPTED, MOVED or CONFLICT. */
    @Column(name = "offline_outcome")
    String offlineOutcome;

    protected CustomerOrder() {
    }

    CustomerOrder(String id) {
        this.id = id;
    }

    public String offlineOutcome() {
        return offlineOutcome;
    }

    public String id() {
        return id;
    }

    /** The short number staff read out; null until the server has numbered the order. */
    public String number() {
        return number;
    }

    public long performanceId() {
        return performanceId;
    }

    public String status() {
        return status;
    }

    public String currency() {
        return currency;
    }

    public long totalMinor() {
        return totalMinor;
    }

    public long discountMinor() {
        return discountMinor;
    }

    public String customerName() {
        return customerName;
    }

    public String customerEmail() {
        return customerEmail;
    }

    public String customerPhone() {
        return customerPhone;
    }

    public String discountReason() {
        return discountReason;
    }

    public String userId() {
        return userId;
    }

    public String deviceId() {
        return deviceId;
    }

    public Instant created() {
        return created;
    }

    public boolean isProvisional() {
        return pendingKey != null;
    }
}
