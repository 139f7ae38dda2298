package com.admitone.server.keys;

import com.admitone.model.problem.ErrorCode;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.ticket.DeviceCertificate;
import com.admitone.model.ticket.VerifyingKey;
import com.admitone.server.http.ApiException;
import com.admitone.server.sync.WriteContext;
import org.hibernate.Session;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Devices' own ticket keys (DESIGN.md invariant 4): certifies a device's Ed25519 public key with the
 * server's ticket key, publishes the certificate on the feed as {@code device_key}, republishes it
 * as revoked when the device is revoked, and answers which keys may sign a device's offline tickets.
 */
public final class DeviceKeys {
    /** How long a certificate runs; a device re-keys through {@code POST /api/devices/key} before then. */
    public static final Duration CERTIFICATE_LIFE = Duration.ofDays(365);

    /**
     * Decoded public keys by their Base64. Decoding validates the point (a scalar multiplication,
     * dearer than the signature check itself) and every offline sale looks its device's keys up,
     * so each key is decoded once. A key's bytes never change; revocation is read from the table.
     */
    private static final Map<String, VerifyingKey> DECODED = new ConcurrentHashMap<>();
    private static final int MAX_DECODED = 10_000;

    private final TicketSigner signer;

    public DeviceKeys(TicketSigner signer) {
        this.signer = signer;
    }

    /** Reads a Base64 public key as a device sends it, or refuses it with {@code DEVICE_KEY_INVALID}. */
    public static VerifyingKey parse(String publicKeyBase64) {
        if (publicKeyBase64 == null || publicKeyBase64.isBlank() || publicKeyBase64.length() > 64) {
            throw new ApiException(ErrorCode.DEVICE_KEY_INVALID, "publicKey must be the standard Base64 of a 32-byte Ed25519 public key.");
        }
        try {
            return VerifyingKey.of(Base64.getDecoder().decode(publicKeyBase64.strip()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.DEVICE_KEY_INVALID, "publicKey is not a valid Ed25519 public key: " + e.getMessage() + ".");
        }
    }

    /**
     * Certifies {@code key} for {@code deviceId}. The same key again returns its certificate and
     * changes nothing; a key whose id another key has already is refused, so a key id names one key.
     */
    public DeviceCertificate certify(WriteContext ctx, String deviceId, VerifyingKey key) {
        Session session = ctx.session();
        DeviceKeyRecord existing = session.find(DeviceKeyRecord.class, key.keyId());
        if (existing != null) {
            if (existing.deviceId.equals(deviceId) && existing.publicKey.equals(key.publicKeyBase64())) {
                return existing.certificate();
            }
            throw new ApiException(ErrorCode.DEVICE_KEY_INVALID, "Another key has the id " + key.keyId() + "; make a new key pair.");
        }
        if (session.find(SigningKeyRecord.class, key.keyId()) != null) {
            throw new ApiException(ErrorCode.DEVICE_KEY_INVALID, "A server key has the id " + key.keyId() + "; make a new key pair.");
        }
        Instant notAfter = ctx.now().plus(CERTIFICATE_LIFE).truncatedTo(ChronoUnit.SECONDS);
        DeviceCertificate certificate = signer.certify(deviceId, key, notAfter);
        DeviceKeyRecord record = new DeviceKeyRecord(certificate, ctx.now());
        session.persist(record);
        ctx.changed(ChangeEntity.DEVICE_KEY, record.keyId, record.feedData());
        ctx.audit("device_key_certified", ChangeEntity.DEVICE_KEY, record.keyId,
                Map.of("deviceId", deviceId, "notAfter", notAfter.toString()));
        return certificate;
    }

    /** Marks every key of a revoked device revoked and tells every gate through the feed. */
    public static void revokeAll(WriteContext ctx, String deviceId) {
        ctx.forget(new KeysOf(deviceId));
        for (DeviceKeyRecord record : keysOf(ctx.session(), deviceId)) {
            if (!record.revoked) {
                record.revoked = true;
                ctx.changed(ChangeEntity.DEVICE_KEY, record.keyId, record.feedData());
            }
        }
    }

    public static List<DeviceKeyRecord> keysOf(Session session, String deviceId) {
        return session.createSelectionQuery("from DeviceKeyRecord where deviceId = :device order by created", DeviceKeyRecord.class)
                .setParameter("device", deviceId).getResultList();
    }

    /**
     * The keys that may have signed a device's ticket at {@code signedAt}: certified for that device,
     * not revoked, the certificate not run out by then. Keyed by key id.
     */
    public static Map<String, VerifyingKey> signingKeysOf(WriteContext ctx, String deviceId, Instant signedAt) {
        Map<String, VerifyingKey> keys = new HashMap<>();
        // Read once per transaction: a device's batch of offline sales checks the same keys.
        List<DeviceKeyRecord> records = ctx.remember(new KeysOf(deviceId), () -> keysOf(ctx.session(), deviceId));
        for (DeviceKeyRecord record : records) {
            if (!record.revoked && !signedAt.isAfter(record.notAfter)) {
                keys.put(record.keyId, decoded(record.publicKey));
            }
        }
        return keys;
    }

    /** Every key ever certified for the device, decoded, by key id; revoked and run-out ones too. */
    public static Map<String, VerifyingKey> decodedKeysOf(Session session, String deviceId) {
        Map<String, VerifyingKey> keys = new HashMap<>();
        for (DeviceKeyRecord record : keysOf(session, deviceId)) {
            keys.put(record.keyId, decoded(record.publicKey));
        }
        return keys;
    }

    private record KeysOf(String deviceId) {
    }

    private static VerifyingKey decoded(String publicKeyBase64) {
        VerifyingKey key = DECODED.get(publicKeyBase64);
        if (key == null) {
            if (DECODED.size() >= MAX_DECODED) {
                DECODED.clear();
            }
            key = VerifyingKey.ofBase64(publicKeyBase64);
            DECODED.put(publicKeyBase64, key);
        }
        return key;
    }
}
