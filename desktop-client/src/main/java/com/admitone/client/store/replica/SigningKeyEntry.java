package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A public key tickets are verified with at the gate (the server's or a device's). */
@Entity
@Table(name = "signing_key")
public class SigningKeyEntry {
    @Id
    @Column(name = "key_id")
    String keyId;
    String owner;
    @Column(name = "device_id")
    String deviceId;
    @Column(name = "public_key")
    String publicKey;
    @Column(name = "created_ms")
    Instant created;
    @Column(name = "retired_ms")
    Instant retired;
    boolean revoked;

    protected SigningKeyEntry() {
    }

    SigningKeyEntry(String keyId) {
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }

    public String owner() {
        return owner;
    }

    public String deviceId() {
        return deviceId;
    }

    public String publicKey() {
        return publicKey;
    }

    public Instant retired() {
        return retired;
    }

    public boolean revoked() {
        return revoked;
    }
}
