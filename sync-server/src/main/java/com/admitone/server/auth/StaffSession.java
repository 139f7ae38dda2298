package com.admitone.server.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A bearer token's session. Only the SHA-256 of the token is stored. */
@Entity
@Table(name = "staff_session")
public class StaffSession {
    @Id
    @Column(name = "token_hash")
    String tokenHash;
    @Column(name = "user_id")
    String userId;
    @Column(name = "device_id")
    String deviceId;
    @Column(name = "created_ms")
    Instant created;
    @Column(name = "expires_ms")
    Instant expires;
    boolean ended;

    protected StaffSession() {
    }

    StaffSession(String tokenHash, String userId, String deviceId, Instant created, Instant expires) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.deviceId = deviceId;
        this.created = created;
        this.expires = expires;
    }
}
