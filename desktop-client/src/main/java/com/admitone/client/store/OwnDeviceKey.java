package com.admitone.client.store;

import com.admitone.client.Json;
import com.admitone.model.ticket.DeviceCertificate;
import com.admitone.model.ticket.SigningKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Base64;

/**
 * This device's own Ed25519 key pair for signing tickets sold offline, and the server's
 * certificate for it once it has one. Made at enrolment; the private half never leaves the store
 * (whose files only the owner may read).
 */
@Entity
@Table(name = "own_device_key")
public class OwnDeviceKey {
    static final int ID = 1;

    @Id
    int id = ID;
    @Column(name = "key_id")
    String keyId;
    @Column(name = "private_key")
    String privateKey;
    @Column(name = "public_key")
    String publicKey;
    @Column(name = "certificate_json")
    String certificateJson;
    @Column(name = "created_ms")
    Instant created;

    protected OwnDeviceKey() {
    }

    public OwnDeviceKey(SigningKey key, Instant created) {
        this.keyId = key.keyId();
        this.privateKey = Base64.getEncoder().encodeToString(key.privateKey());
        this.publicKey = Base64.getEncoder().encodeToString(key.publicKey());
        this.created = created;
    }

    public String keyId() {
        return keyId;
    }

    public String publicKeyBase64() {
        return publicKey;
    }

    public SigningKey signingKey() {
        return SigningKey.fromPrivateKey(Base64.getDecoder().decode(privateKey));
    }

    /** The server's certificate, or null while the key is not certified yet. */
    public DeviceCertificate certificate() {
        if (certificateJson == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(certificateJson, DeviceCertificate.class);
        } catch (JsonProcessingException e) {
            throw new StorageException("The stored device certificate cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    public OwnDeviceKey certified(DeviceCertificate certificate) {
        if (!certificate.publicKeyBase64().equals(publicKey)) {
            throw new IllegalArgumentException("the certificate is for another key");
        }
        try {
            this.certificateJson = Json.mapper().writeValueAsString(certificate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a certificate is serialisable", e);
        }
        return this;
    }

    /** True when the device may sign tickets now: certified, and the certificate has not run out. */
    public boolean canSignAt(Instant now) {
        DeviceCertificate c = certificate();
        return c != null && !now.isAfter(c.notAfter());
    }
}
