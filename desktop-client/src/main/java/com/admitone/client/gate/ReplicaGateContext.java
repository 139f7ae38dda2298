package com.admitone.client.gate;

import com.admitone.client.store.replica.DeviceCertificateEntry;
import com.admitone.client.store.replica.DeviceEntry;
import com.admitone.client.store.replica.ScanEntry;
import com.admitone.client.store.replica.SigningKeyEntry;
import com.admitone.client.store.replica.Ticket;
import com.admitone.model.gate.Admission;
import com.admitone.model.gate.GateContext;
import com.admitone.model.gate.TicketStatus;
import com.admitone.model.gate.Verdict;
import com.admitone.model.ticket.DeviceCertificate;
import com.admitone.model.ticket.VerifyingKey;
import org.hibernate.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gate rule's view of the local replica: trusted keys from the {@code signing_key} feed
 * entries (revoked ones left out) and from device certificates ({@code device_key}), ticket
 * statuses, and admissions from the scan table. Answers only from local data, inside the caller's
 * transaction.
 *
 * <p>A device key is trusted while its certificate verifies under a server key that is not
 * revoked, has not run out, and neither the key nor its device is revoked. A token signed by a key
 * other than the one the replica now knows for its ticket (an offline ticket the server moved to
 * another seat and re-signed) is superseded: it counts as exchanged.
 */
final class ReplicaGateContext implements GateContext {
    /** Decoded keys by their base64 public key: decoding and validating a point is the costly part. */
    private static final Map<String, VerifyingKey> DECODED = new ConcurrentHashMap<>();

    private final Session session;
    private final GateSettings settings;
    private final Instant now;
    /** The key id the rule asked for (it asks before the ticket's status): the scanned token's. */
    private String scannedKeyId;

    ReplicaGateContext(Session session, GateSettings settings, Instant now) {
        this.session = session;
        this.settings = settings;
        this.now = now;
    }

    @Override
    public List<VerifyingKey> keys(String keyId) {
        scannedKeyId = keyId;
        List<VerifyingKey> keys = new ArrayList<>(1);
        // Both tables are keyed by key id: a look-up by id skips the query parse and plan a
        // "where keyId = :id" needs on every scan (a fifth of the wedge path's CPU).
        SigningKeyEntry server = session.find(SigningKeyEntry.class, keyId);
        if (server != null && !server.revoked()) {
            VerifyingKey key = decode(server.publicKey());
            if (key != null) {
                keys.add(key);
            }
        }
        DeviceCertificateEntry device = session.find(DeviceCertificateEntry.class, keyId);
        if (device != null && !device.revoked()) {
            VerifyingKey key = certifiedDeviceKey(device);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    private VerifyingKey certifiedDeviceKey(DeviceCertificateEntry entry) {
        DeviceCertificate certificate = entry.certificate();
        if (certificate == null) {
            return null;
        }
        DeviceEntry device = session.find(DeviceEntry.class, certificate.deviceId());
        if (device != null && "REVOKED".equalsIgnoreCase(device.status())) {
            return null;
        }
        SigningKeyEntry issuer = session.find(SigningKeyEntry.class, certificate.issuerKeyId());
        VerifyingKey issuerKey = issuer == null || issuer.revoked() || issuer.deviceId() != null ? null : decode(issuer.publicKey());
        if (issuerKey == null) {
            return null;
        }
        try {
            return certificate.isValid(issuerKey, now) ? decode(certificate.publicKeyBase64()) : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static VerifyingKey decode(String base64) {
        if (base64 == null) {
            return null;
        }
        return DECODED.computeIfAbsent(base64, b -> {
            try {
                return VerifyingKey.ofBase64(b);
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
    }

    @Override
    public TicketStatus ticketStatus(UUID ticketId) {
        Ticket ticket = session.find(Ticket.class, ticketId.toString());
        if (ticket == null) {
            return TicketStatus.UNKNOWN;
        }
        TicketStatus status = TicketStatus.fromWire(ticket.status());
        if (!status.revoked() && scannedKeyId != null && ticket.keyId() != null && !ticket.keyId().equals(scannedKeyId)) {
            return TicketStatus.EXCHANGED;
        }
        return status;
    }

    @Override
    public List<Admission> admissions(UUID ticketId) {
        return openAdmissions(session, ticketId.toString());
    }

    /** Entries not followed by an exit, oldest first, across every gate this replica knows. */
    static List<Admission> openAdmissions(Session session, String ticketId) {
        List<Admission> open = new ArrayList<>();
        for (ScanEntry scan : session.createSelectionQuery(
                        "from ScanEntry where ticketId = :id and verdict in ('ADMIT', 'EXITED') order by scanned, id", ScanEntry.class)
                .setParameter("id", ticketId).getResultList()) {
            if (Verdict.ADMIT.name().equals(scan.verdict())) {
                open.add(new Admission(scan.scanned(), scan.gate()));
            } else if (!open.isEmpty()) {
                open.remove(0);
            }
        }
        return open;
    }

    @Override
    public long performanceId() {
        return settings.performanceId();
    }

    @Override
    public String gate() {
        return settings.gate();
    }

    @Override
    public Instant now() {
        return now;
    }
}
