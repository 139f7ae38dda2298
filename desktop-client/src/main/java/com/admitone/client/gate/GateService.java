package com.admitone.client.gate;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.Outbox;
import com.admitone.client.store.PreparedConnection;
import com.admitone.client.store.replica.ScanEntry;
import com.admitone.model.gate.GateVerdict;
import com.admitone.model.gate.ScanMode;
import com.admitone.model.gate.Verdict;
import com.admitone.model.sync.Commands;
import com.admitone.model.ticket.TicketToken;
import org.hibernate.Session;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Scans tickets at this gate against the local replica only: decodes and verifies the text with the
 * shared {@link GateVerdict} rule, and records the scan (admitted or not) in the replica and the
 * outbox as a {@code RecordScans} command, in one local transaction, so the verdict never waits for
 * the network and no scan is lost. Blocking: call it off the JavaFX thread.
 */
public final class GateService {
    private final LocalStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final Supplier<Outbox.Author> author;
    /** The time of this gate's last recorded scan, see {@link #scanTime}. */
    private Instant lastScan = Instant.MIN;

    public GateService(LocalStore store, Outbox outbox, Clock clock, Supplier<Outbox.Author> author) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.author = author;
    }

    /**
     * Judges a scanned text and records the scan; returns what the gate screen shows. A genuine group
     * ticket (admits more than one) at an entry is not recorded yet: it comes back
     * {@linkplain GateScan#awaitingHeadcount() waiting for a headcount}, and {@link #admitGroup} records
     * the people staff counted through. Nobody passes without that confirmation.
     */
    public GateScan scan(String text, GateSettings settings) {
        Outbox.Author who = author.get();
        // Without an fsync, on statements prepared once: the next person in the queue must not wait
        // on the disk or on SQL being parsed again (see LocalStore.writeQuickly).
        return store.writeQuickly(db -> {
            Instant now = scanTime();
            ReplicaGateContext replica = new ReplicaGateContext(db, settings, now);
            GateVerdict verdict = GateVerdict.verdict(text, replica, settings.mode());
            if (verdict.verdict() == Verdict.ADMIT && verdict.token().admits() > 1) {
                int mayEnter = verdict.token().admits() - verdict.admittedBefore();
                return new GateScan(null, now, verdict, placeOf(replica, verdict), 0, mayEnter);
            }
            UUID scanId = record(db, who, settings, now, verdict, 1).get(0);
            return new GateScan(scanId, now, verdict, placeOf(replica, verdict));
        });
    }

    /**
     * Lets {@code people} members of a group through on one group ticket, after staff counted them.
     * The ticket is judged again inside the transaction, so another gate's admissions in the meantime
     * count; asking for more people than the ticket still admits lets in those it does and reports
     * the rest as already admitted.
     */
    public GateScan admitGroup(String text, GateSettings settings, int people) {
        if (people < 1) {
            throw new IllegalArgumentException("a headcount is at least one person");
        }
        Outbox.Author who = author.get();
        return store.writeQuickly(db -> {
            Instant now = scanTime();
            ReplicaGateContext replica = new ReplicaGateContext(db, settings, now);
            GateVerdict verdict = GateVerdict.verdict(text, replica, ScanMode.ENTRY);
            if (verdict.verdict() != Verdict.ADMIT) {
                UUID scanId = record(db, who, settings, now, verdict, 1).get(0);
                return new GateScan(scanId, now, verdict, placeOf(replica, verdict));
            }
            int admitted = Math.min(people, verdict.token().admits() - verdict.admittedBefore());
            List<UUID> ids = record(db, who, settings, now, verdict, admitted);
            return new GateScan(ids.get(0), now, verdict, placeOf(replica, verdict), admitted, 0);
        });
    }

    /**
     * The device's time for a scan, in the milliseconds the scan table keeps, and always after this
     * gate's previous scan. Admissions are counted in scan-time order (an exit frees the entry
     * before it), so an exit recorded in the same millisecond as the entry, or after the clock
     * stepped back, must still come after it; otherwise the order of the two would be a coin toss
     * and a guest who went out could not come back in. Runs under the store's writer lock.
     */
    private Instant scanTime() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        lastScan = now.isAfter(lastScan) ? now : lastScan.plusMillis(1);
        return lastScan;
    }

    /**
     * Stores {@code people} scans with the same verdict (one per person through the gate, each with its
     * own id) in the replica and as one {@code RecordScans} command in the outbox, in the caller's transaction.
     */
    private List<UUID> record(PreparedConnection db, Outbox.Author who, GateSettings settings, Instant now, GateVerdict verdict,
                              int people) throws SQLException {
        TicketToken token = verdict.token();
        String ticketId = token == null ? null : token.ticketId().toString();
        Long performanceId = token == null ? null : token.performanceId();
        String mode = settings.mode().name();
        List<UUID> ids = new ArrayList<>(people);
        List<Commands.ScanRecord> records = new ArrayList<>(people);
        for (int i = 0; i < people; i++) {
            UUID scanId = UUID.randomUUID();
            ids.add(scanId);
            ScanEntry.insertLocal(db, scanId.toString(), ticketId, performanceId, settings.gate(), mode,
                    verdict.verdict().name(), now, who.deviceId());
            records.add(new Commands.ScanRecord(scanId, token == null ? null : token.ticketId(), performanceId,
                    settings.gate(), now, verdict.verdict().name(), mode));
        }
        outbox.recordQuickly(db, new Commands.RecordScans(records), who);
        return ids;
    }

    /** Judges a text without recording anything (the scan tool's dry run). */
    public GateVerdict judge(String text, GateSettings settings) {
        return store.readQuickly(db -> GateVerdict.verdict(text, new ReplicaGateContext(db, settings, clock.instant()),
                settings.mode()));
    }

    /** Admitted and expected counts for the gate's counters; kept off {@link #scan}, so a verdict never waits for them. */
    public long[] counts(long performanceId) {
        return store.read(session -> new long[]{admitted(session, performanceId), expected(session, performanceId)});
    }

    /** The seat or area, only for a token whose signature verified: a forged token's fields mean nothing. */
    private static String placeOf(ReplicaGateContext replica, GateVerdict verdict) {
        return trusted(verdict) ? replica.place(verdict.token().seatId(), verdict.token().areaId()) : null;
    }

    /** Whether the token's fields may be shown: only once its signature verified. */
    private static boolean trusted(GateVerdict verdict) {
        return verdict.token() != null && verdict.verdict() != Verdict.UNREADABLE
                && verdict.verdict() != Verdict.UNKNOWN_KEY && verdict.verdict() != Verdict.BAD_SIGNATURE;
    }


    private static long admitted(Session session, long performanceId) {
        List<Object[]> rows = session.createSelectionQuery(
                        "select verdict, count(*) from ScanEntry where performanceId = :p and verdict in ('ADMIT', 'EXITED') group by verdict",
                        Object[].class)
                .setParameter("p", performanceId).getResultList();
        long admitted = 0;
        for (Object[] row : rows) {
            long n = ((Number) row[1]).longValue();
            admitted += Verdict.ADMIT.name().equals(row[0]) ? n : -n;
        }
        return Math.max(0, admitted);
    }

    private static long expected(Session session, long performanceId) {
        return session.createSelectionQuery(
                        "select count(*) from Ticket where performanceId = :p and status = 'VALID'", Long.class)
                .setParameter("p", performanceId).getSingleResult();
    }

    /** Mode names for the screen's toggle. */
    public static ScanMode[] modes() {
        return ScanMode.values();
    }
}
