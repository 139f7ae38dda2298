package com.admitone.client.gate;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.Outbox;
import com.admitone.client.store.replica.ScanEntry;
import com.admitone.model.gate.GateVerdict;
import com.admitone.model.gate.ScanMode;
import com.admitone.model.gate.Verdict;
import com.admitone.model.sync.Commands;
import com.admitone.model.ticket.TicketToken;
import org.hibernate.Session;

import java.time.Clock;
import java.time.Instant;
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

    public GateService(LocalStore store, Outbox outbox, Clock clock, Supplier<Outbox.Author> author) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.author = author;
    }

    /** Judges a scanned text and records the scan; returns what the gate screen shows. */
    public GateScan scan(String text, GateSettings settings) {
        Outbox.Author who = author.get();
        // Without an fsync: the next person in the queue must not wait on the disk (see writeWithoutSync).
        return store.writeWithoutSync(session -> {
            Instant now = clock.instant();
            GateVerdict verdict = GateVerdict.verdict(text, new ReplicaGateContext(session, settings, now), settings.mode());
            UUID scanId = UUID.randomUUID();
            TicketToken token = verdict.token();
            String ticketId = token == null ? null : token.ticketId().toString();
            Long performanceId = token == null ? null : token.performanceId();
            String mode = settings.mode().name();
            ScanEntry entry = ScanEntry.local(scanId.toString(), ticketId, performanceId, settings.gate(), mode,
                    verdict.verdict().name(), now, who.deviceId());
            Commands.RecordScans command = new Commands.RecordScans(List.of(new Commands.ScanRecord(scanId,
                    token == null ? null : token.ticketId(), performanceId, settings.gate(), now, verdict.verdict().name(), mode)));
            outbox.record(session, command, who, s -> {
                s.persist(entry);
                return null;
            });
            String place = trusted(verdict) ? place(session, token) : null;
            return new GateScan(scanId, now, verdict, place);
        });
    }

    /** Judges a text without recording anything (the scan tool's dry run). */
    public GateVerdict judge(String text, GateSettings settings) {
        return store.read(session -> GateVerdict.verdict(text, new ReplicaGateContext(session, settings, clock.instant()),
                settings.mode()));
    }

    /** Admitted and expected counts for the gate's counters; kept off {@link #scan}, so a verdict never waits for them. */
    public long[] counts(long performanceId) {
        return store.read(session -> new long[]{admitted(session, performanceId), expected(session, performanceId)});
    }

    /** Whether the token's fields may be shown: only once its signature verified. */
    private static boolean trusted(GateVerdict verdict) {
        return verdict.token() != null && verdict.verdict() != Verdict.UNREADABLE
                && verdict.verdict() != Verdict.UNKNOWN_KEY && verdict.verdict() != Verdict.BAD_SIGNATURE;
    }

    private static String place(Session session, TicketToken token) {
        if (token.seatId() != null) {
            List<String> labels = session.createSelectionQuery("select s.label from Seat s where s.id = :id", String.class)
                    .setParameter("id", token.seatId()).getResultList();
            return labels.isEmpty() ? "Seat " + token.seatId() : labels.get(0);
        }
        List<String> names = session.createSelectionQuery("select a.name from GaArea a where a.id = :id", String.class)
                .setParameter("id", token.areaId()).getResultList();
        return names.isEmpty() ? "Area " + token.areaId() : names.get(0);
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
