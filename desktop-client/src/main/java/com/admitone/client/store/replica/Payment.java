package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Money taken for an order, or paid back on a refund. */
@Entity
@Table(name = "payment")
public class Payment {
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
    @Column(name = "pending_key")
    String pendingKey;

    protected Payment() {
    }

    Payment(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String orderId() {
        return orderId;
    }

    public String kind() {
        return kind;
    }

    public String method() {
        return method;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public Long tenderedMinor() {
        return tenderedMinor;
    }

    public Instant created() {
        return created;
    }

    public boolean isProvisional() {
        return pendingKey != null;
    }
}
