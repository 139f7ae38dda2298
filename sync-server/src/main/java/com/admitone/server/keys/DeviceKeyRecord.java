package com.admitone.server.keys;

import com.admitone.model.ticket.DeviceCertificate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A device's certified ticket-signing key: the certificate the server signed, and whether the device was revoked. */
@Entity
@Table(name = "device_key")
public class DeviceKeyRecord {
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
    @Column(name = "created_ms")
    Instant created;
    boolean revoked;

    protected DeviceKeyRecord() {
    }

    DeviceKeyRecord(DeviceCertificate certificate, Instant created) {
        this.keyId = certificate.keyId();
        this.deviceId = certificate.deviceId();
        this.publicKey = certificate.publicKeyBase64();
        this.notAfter = certificate.notAfter();
        this.issuerKeyId = certificate.issuerKeyId();
        this.signature = certificate.signatureBase64();
        this.created = created;
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

    public Instant notAfter() {
        return notAfter;
    }

    public DeviceCertificate certificate() {
        return new DeviceCertificate(deviceId, publicKey, notAfter, issuerKeyId, signature);
    }

    /** The change-feed form ({@code device_key}): the certificate's fields, the key id and the revocation. */
    public Map<String, Object> feedData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("keyId", keyId);
        data.put("deviceId", deviceId);
        data.put("publicKeyBase64", publicKey);
        data.put("notAfter", notAfter.toString());
        data.put("issuerKeyId", issuerKeyId);
        data.put("signatureBase64", signature);
        data.put("revoked", revoked);
        return data;
    }
}
