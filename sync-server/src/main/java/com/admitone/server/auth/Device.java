package com.admitone.server.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An enrolled staff PC or scanner. A revoked device is refused at its next request. */
@Entity
@Table(name = "device")
public class Device {
    static final String ACTIVE = "ACTIVE";
    static final String REVOKED = "REVOKED";

    @Id
    String id;
    String name;
    @Column(name = "secret_hash")
    String secretHash;
    String status;
    @Column(name = "enrolled_by")
    String enrolledBy;
    @Column(name = "enrolled_ms")
    Instant enrolled;
    @Column(name = "revoked_ms")
    Instant revoked;
    @Column(name = "last_seen_ms")
    Instant lastSeen;
    @Column(name = "last_skew_ms")
    Long lastSkewMillis;

    protected Device() {
    }

    Device(String id, String name, String secretHash, String enrolledBy, Instant enrolled) {
        this.id = id;
        this.name = name;
        this.secretHash = secretHash;
        this.status = ACTIVE;
        this.enrolledBy = enrolledBy;
        this.enrolled = enrolled;
    }

    public String id() {
        return id;
    }

    public DeviceView view() {
        return new DeviceView(id, name, status, enrolled, revoked, lastSeen, lastSkewMillis,
                lastSkewMillis != null && com.admitone.model.sync.CommandBatch.isLargeSkew(lastSkewMillis));
    }

    /** Records the device's clock against the server's, so skew shows in the device list. */
    public void seen(Instant serverTime, Long skewMillis) {
        lastSeen = serverTime;
        if (skewMillis != null) {
            lastSkewMillis = skewMillis;
        }
    }
}
