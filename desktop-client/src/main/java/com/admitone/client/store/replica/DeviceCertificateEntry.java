package com.admitone.client.store.replica;

import com.admitone.model.ticket.DeviceCertificate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A device's certified ticket-signing key as the feed ({@code device_key}) announced it, with its
 * revocation. The gate trusts tickets signed by it only while the certificate verifies against a
 * server key, has not run out, and neither it nor its device is revoked.
 */
@Entity
@Table(name = "device_certificate")
public class DeviceCertificateEntry {
    @Id
    @Column(name = "key_id")
    String keyId;
    @Column(name = "device_id")
    String deviceId;
    @Column(name = "public_key")
    String publicKey;
    @Column(name = "not_after_ms")
    Instant notAfter;
    @Column(name = "issuer_key_id")
    String issuerKeyId;
    String signature;
    boolean revoked;

    protected DeviceCertificateEntry() {
    }

    DeviceCertificateEntry(String keyId) {
        this.keyId = keyId;
    }

    public String keyId() {
        return keyId;
    }

    public String deviceId() {
        return deviceId;
    }

    public boolean revoked() {
        return revoked;
    }

    /** The certificate itself, or null when the entry is incomplete. */
    public DeviceCertificate certificate() {
        if (deviceId == null || publicKey == null || notAfter == null || issuerKeyId == null || signature == null) {
            return null;
        }
        return new DeviceCertificate(deviceId, publicKey, notAfter, issuerKeyId, signature);
    }
}
