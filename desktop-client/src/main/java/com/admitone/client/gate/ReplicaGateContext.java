package com.admitone.client.gate;

import com.admitone.client.store.PreparedConnection;
import com.admitone.client.store.StorageException;
import com.admitone.client.store.replica.Ticket;
import com.admitone.model.gate.Admission;
import com.admitone.model.gate.GateContext;
import com.admitone.model.gate.TicketStatus;
import com.admitone.model.gate.Verdict;
import com.admitone.model.ticket.DeviceCertificate;
import com.admitone.model.ticket.VerifyingKey;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * transaction on the store's {@link PreparedConnection} (a scan's reads are prepared once, not
 * once per scan).
 *
 * <p>A device key is trusted while its certificate verifies under a server key that is not
 * revoked, has not run out, and neither the key nor its device is revoked. A token signed by a key
 * other than the one the replica now knows for its ticket (an offline ticket the server moved to
 * another seat and re-signed) is superseded: it counts as exchanged.
 */
final class ReplicaGateContext implements GateContext {
    /** Decoded keys by their base64 public key: decoding and validating a point is the costly part. */
    private static final Map<String, VerifyingKey> DECODED = new ConcurrentHashMap<>();

    private final PreparedConnection db;
    private final GateSettings settings;
    private final Instant now;
    /** The key id the rule asked for (it asks before the ticket's status): the scanned token's. */
    private String scannedKeyId;

    ReplicaGateContext(PreparedConnection db, GateSettings settings, Instant now) {
        this.db = db;
        this.settings = settings;
        this.now = now;
    }

    /** A {@code signing_key} row as the rule needs it. */
    private record ServerKey(String publicKey, boolean revoked, String deviceId) {
    }

    @Override
    public List<VerifyingKey> keys(String keyId) {
        scannedKeyId = keyId;
        List<VerifyingKey> keys = new ArrayList<>(1);
        try {
            ServerKey server = serverKey(keyId);
            if (server != null && !server.revoked()) {
                VerifyingKey key = decode(server.publicKey());
                if (key != null) {
                    keys.add(key);
                }
            }
            VerifyingKey device = certifiedDeviceKey(keyId);
            if (device != null) {
                keys.add(device);
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
        return keys;
    }

    private ServerKey serverKey(String keyId) throws SQLException {
        PreparedStatement query = db.statement("select public_key, revoked, device_id from signing_key where key_id = ?");
        query.setString(1, keyId);
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? new ServerKey(row.getString(1), row.getBoolean(2), row.getString(3)) : null;
        }
    }

    private VerifyingKey certifiedDeviceKey(String keyId) throws SQLException {
        PreparedStatement query = db.statement("select device_id, public_key, not_after_ms, issuer_key_id, signature "
                + "from device_certificate where key_id = ? and not revoked");
        query.setString(1, keyId);
        DeviceCertificate certificate;
        try (ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            long notAfter = row.getLong(3);
            certificate = row.wasNull() ? null : certificate(row.getString(1), row.getString(2), Instant.ofEpochMilli(notAfter),
                    row.getString(4), row.getString(5));
        }
        if (certificate == null || deviceRevoked(certificate.deviceId())) {
            return null;
        }
        ServerKey issuer = serverKey(certificate.issuerKeyId());
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

    /** The certificate, or null when the entry is incomplete. */
    private static DeviceCertificate certificate(String deviceId, String publicKey, Instant notAfter, String issuerKeyId,
                                                 String signature) {
        if (deviceId == null || publicKey == null || issuerKeyId == null || signature == null) {
            return null;
        }
        return new DeviceCertificate(deviceId, publicKey, notAfter, issuerKeyId, signature);
    }

    private boolean deviceRevoked(String deviceId) throws SQLException {
        PreparedStatement query = db.statement("select status from device where id = ?");
        query.setString(1, deviceId);
        try (ResultSet row = query.executeQuery()) {
            return row.next() && "REVOKED".equalsIgnoreCase(row.getString(1));
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
        try {
            Ticket.StatusAndKey ticket = Ticket.statusAndKey(db, ticketId.toString());
            if (ticket == null) {
                return TicketStatus.UNKNOWN;
            }
            TicketStatus status = TicketStatus.fromWire(ticket.status());
            if (!status.revoked() && scannedKeyId != null && ticket.keyId() != null && !ticket.keyId().equals(scannedKeyId)) {
                return TicketStatus.EXCHANGED;
            }
            return status;
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** Entries not followed by an exit, oldest first, across every gate this replica knows. */
    @Override
    public List<Admission> admissions(UUID ticketId) {
        List<Admission> open = new ArrayList<>();
        try {
            PreparedStatement query = db.statement("select verdict, scanned_ms, gate from scan "
                    + "where ticket_id = ? and verdict in ('ADMIT', 'EXITED') order by scanned_ms, id");
            query.setString(1, ticketId.toString());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    if (Verdict.ADMIT.name().equals(row.getString(1))) {
                        open.add(new Admission(Instant.ofEpochMilli(row.getLong(2)), row.getString(3)));
                    } else if (!open.isEmpty()) {
                        open.remove(0);
                    }
                }
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
        return open;
    }

    /** The seat label or area name of a ticket, see {@link TicketPlaces}. */
    String place(Long seatId, Long areaId) {
        try {
            if (seatId != null) {
                return TicketPlaces.seat(seatId, label("select label from seat where id = ?", seatId));
            }
            return areaId == null ? null : TicketPlaces.area(areaId, label("select name from ga_area where id = ?", areaId));
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    private String label(String sql, long id) throws SQLException {
        PreparedStatement query = db.statement(sql);
        query.setLong(1, id);
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static StorageException unreadable(SQLException e) {
        return new StorageException("The local database cannot be read: " + e.getMessage(), e);
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
