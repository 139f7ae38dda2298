package com.admitone.client.offline;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.OwnDeviceKey;
import com.admitone.client.store.replica.ChangeApplier;
import com.admitone.model.sync.Change;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.ticket.DeviceCertificate;
import com.admitone.model.ticket.SigningKey;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small replica written through the real {@link ChangeApplier}, as the feed would bring it: one
 * venue with ten seats, one performance, a server key, and this device certified by it.
 */
public final class ReplicaFixture {
    public static final long PERFORMANCE = 7;
    public static final String DEVICE = "device-a";

    public final LocalStore store;
    public final SigningKey serverKey = SigningKey.generate();
    public final SigningKey deviceKey = SigningKey.generate();
    public final Instant startsAt;
    private long seq;

    public ReplicaFixture(LocalStore store, Instant startsAt, String policy) {
        this(store, startsAt, policy, 10);
    }

    public ReplicaFixture(LocalStore store, Instant startsAt, String policy, int seatCount) {
        this.store = store;
        this.startsAt = startsAt;
        apply(ChangeEntity.VENUE, "1", Map.of("name", "Hall", "timezone", "UTC", "currency", "GBP", "taxRateBasisPoints", 0));
        apply(ChangeEntity.SECTION, "1", Map.of("venueId", 1, "name", "Stalls", "sortOrder", 1));
        store.write(s -> {
            for (int i = 1; i <= seatCount; i++) {
                ChangeApplier.apply(s, new Change(++seq, ChangeEntity.SEAT, Integer.toString(i), false, Map.of("venueId", 1,
                        "sectionId", 1, "row", "A", "number", i, "label", "A" + i, "x", i * 10.0, "y", 10.0, "zone", "STANDARD",
                        "flags", List.of()), Instant.now()));
            }
            return null;
        });
        apply(ChangeEntity.EVENT, "1", Map.of("venueId", 1, "title", "Hamlet", "durationMinutes", 120));
        apply(ChangeEntity.PERFORMANCE, Long.toString(PERFORMANCE), Map.of("eventId", 1, "venueId", 1,
                "startsAt", startsAt.toString(), "status", "ON_SALE", "provisionalPolicy", policy));
        apply(ChangeEntity.PRICE, PERFORMANCE + ":STANDARD:ADULT", Map.of("minor", 2500));
        apply(ChangeEntity.SIGNING_KEY, serverKey.keyId(), Map.of("owner", "server",
                "publicKey", serverKey.verifyingKey().publicKeyBase64(), "revoked", false));
        apply(ChangeEntity.DEVICE, DEVICE, Map.of("name", "Till A", "status", "ACTIVE"));
    }

    /** Certifies this device's key (server side) and stores it as this device's own, as enrolment would. */
    public DeviceCertificate certifyDevice(Instant notAfter) {
        DeviceCertificate certificate = DeviceCertificate.issue(serverKey, DEVICE, deviceKey.verifyingKey(), notAfter);
        publishCertificate(certificate, false);
        store.saveDeviceKey(new OwnDeviceKey(deviceKey, Instant.now()).certified(certificate));
        return certificate;
    }

    public void publishCertificate(DeviceCertificate c, boolean revoked) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("keyId", c.keyId());
        data.put("deviceId", c.deviceId());
        data.put("publicKeyBase64", c.publicKeyBase64());
        data.put("notAfter", c.notAfter().toString());
        data.put("issuerKeyId", c.issuerKeyId());
        data.put("signatureBase64", c.signatureBase64());
        data.put("revoked", revoked);
        apply(ChangeEntity.DEVICE_KEY, c.keyId(), data);
    }

    /** Seats leased to {@code device} until {@code until}, as the feed shows an allotment and its seats. */
    public void allot(String allotmentId, String device, Instant until, List<Long> seats) {
        apply(ChangeEntity.ALLOTMENT, allotmentId, Map.of("id", allotmentId, "performanceId", PERFORMANCE, "deviceId", device,
                "until", until.toString(), "status", "OPEN", "seatIds", seats, "areas", List.of()));
        store.write(s -> {
            for (Long seat : seats) {
                ChangeApplier.apply(s, new Change(++seq, ChangeEntity.SEAT_STATE, PERFORMANCE + ":" + seat, false,
                        Map.of("performanceId", PERFORMANCE, "seatId", seat, "state", "ALLOTTED", "allottedDeviceId", device,
                                "allotmentId", allotmentId), Instant.now()));
            }
            return null;
        });
    }

    public void apply(String entity, String id, Map<String, Object> data) {
        long n = ++seq;
        store.write(s -> {
            ChangeApplier.apply(s, new Change(n, entity, id, false, data, Instant.now()));
            return null;
        });
    }
}
