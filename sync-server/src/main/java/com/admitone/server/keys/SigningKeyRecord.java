package com.admitone.server.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A stored ticket-signing key. Only the server's own keys have a private half here. */
@Entity
@Table(name = "signing_key")
public class SigningKeyRecord {
    static final String SERVER = "SERVER";

    @Id
    @Column(name = "key_id")
    String keyId;
    String owner;
    @Column(name = "device_id")
    String deviceId;
    @Column(name = "public_key")
    String publicKey;
    @Column(name = "private_key")
    String privateKey;
    @Column(name = "created_ms")
    Instant created;
    @Column(name = "retired_ms")
    Instant retired;
    boolean revoked;

    protected SigningKeyRecord() {
    }

    SigningKeyRecord(String keyId, String owner, String publicKey, String privateKey, Instant created) {
        this.keyId = keyId;
        this.owner = owner;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.created = created;
    }

    public PublicKeyView view() {
        return new PublicKeyView(keyId, owner, deviceId, publicKey, created, retired, revoked);
    }
}
