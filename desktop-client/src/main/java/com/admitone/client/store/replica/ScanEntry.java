package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A scan at a gate: this device's own (unconfirmed until the server's feed echoes it) or another
 * gate's. {@code scanned} is the scanning gate's clock, which is what staff are shown.
 */
@Entity
@Table(name = "scan")
public class ScanEntry {
    @Id
    String id;
    @Column(name = "ticket_id")
    String ticketId;
    @Column(name = "performance_id")
    Long performanceId;
    String gate;
    String mode;
    String verdict;
    @Column(name = "scanned_ms")
    Instant scanned;
    @Column(name = "device_id")
    String deviceId;
    boolean duplicate;
    boolean confirmed;

    protected ScanEntry() {
    }

    ScanEntry(String id) {
        this.id = id;
    }

    /** A scan made on this device, not yet confirmed by the server. */
    public static ScanEntry local(String id, String ticketId, Long performanceId, String gate, String mode, String verdict,
                                  Instant scanned, String deviceId) {
        ScanEntry scan = new ScanEntry(id);
        scan.ticketId = ticketId;
        scan.performanceId = performanceId;
        scan.gate = gate;
        scan.mode = mode;
        scan.verdict = verdict;
        scan.scanned = scanned;
        scan.deviceId = deviceId;
        return scan;
    }

    /**
     * Writes what {@link #local} makes, as a row of this entity's table, inside a
     * {@link com.admitone.client.store.LocalStore#writeQuickly} transaction (the gate's scans).
     */
    public static void insertLocal(com.admitone.client.store.PreparedConnection db, String id, String ticketId, Long performanceId,
                                   String gate, String mode, String verdict, Instant scanned, String deviceId)
            throws java.sql.SQLException {
        java.sql.PreparedStatement insert = db.statement("insert into scan (id, ticket_id, performance_id, gate, mode, verdict, "
                + "scanned_ms, device_id, duplicate, confirmed) values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)");
        insert.setString(1, id);
        insert.setString(2, ticketId);
        insert.setObject(3, performanceId, java.sql.Types.BIGINT);
        insert.setString(4, gate);
        insert.setString(5, mode);
        insert.setString(6, verdict);
        insert.setLong(7, scanned.toEpochMilli());
        insert.setString(8, deviceId);
        insert.executeUpdate();
    }

    public String id() {
        return id;
    }

    public String ticketId() {
        return ticketId;
    }

    public String gate() {
        return gate;
    }

    public String verdict() {
        return verdict;
    }

    public Instant scanned() {
        return scanned;
    }

    public boolean duplicate() {
        return duplicate;
    }

    public boolean confirmed() {
        return confirmed;
    }
}
