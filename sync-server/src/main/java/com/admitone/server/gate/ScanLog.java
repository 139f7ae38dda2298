package com.admitone.server.gate;

import com.admitone.model.gate.ScanMode;
import com.admitone.model.gate.Verdict;
import com.admitone.model.problem.ErrorCode;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.sync.Commands;
import com.admitone.model.ticket.MalformedTokenException;
import com.admitone.model.ticket.TicketTokenCodec;
import com.admitone.server.http.ApiException;
import com.admitone.server.storage.InstantMillisConverter;
import com.admitone.server.sync.WriteContext;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's record of gate scans. Every scan a gate sends is stored and published on the feed
 * (entity {@code scan}), so other gates learn of admissions. A gate decided its verdict offline;
 * the server does not overrule it, but marks an admission {@code duplicate} when the ticket's
 * admissions were already used up by scans stored before, so reports can list double entries.
 * A scan id seen before is skipped: a scan is stored once however often it is sent.
 */
public final class ScanLog {
    public static final int MAX_SCANS = 1000;
    private static final int MAX_GATE_NAME = 80;

    public Map<String, Object> record(WriteContext ctx, Commands.RecordScans command) {
        validate(command);
        Session session = ctx.session();
        List<String> stored = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Commands.ScanRecord record : command.scans()) {
            String id = record.scanId().toString();
            if (!seen.add(id) || session.find(Scan.class, id) != null) {
                continue;
            }
            String ticketId = record.ticketId() == null ? null : record.ticketId().toString();
            boolean duplicate = Verdict.ADMIT.name().equals(record.verdict()) && ticketId != null
                    && openAdmissions(session, ticketId) >= admitsOf(session, ticketId);
            Scan scan = new Scan(id, ticketId, record.performanceId(), record.gate().strip(), record.mode(),
                    record.verdict(), record.deviceTime(), ctx.now(), ctx.principal().deviceId(), ctx.principal().userId(),
                    duplicate);
            session.persist(scan);
            // Flushed now so the next scan of the same ticket in this command counts this one.
            session.flush();
            ctx.changed(ChangeEntity.SCAN, id, scan.feedData());
            stored.add(id);
            if (duplicate) {
                duplicates.add(id);
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recorded", stored.size());
        data.put("duplicates", duplicates);
        return data;
    }

    private static void validate(Commands.RecordScans command) {
        if (command.scans().isEmpty() || command.scans().size() > MAX_SCANS) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "RecordScans carries 1 to " + MAX_SCANS + " scans.");
        }
        for (Commands.ScanRecord record : command.scans()) {
            if (record == null || record.scanId() == null) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Every scan needs a scanId.");
            }
            if (record.gate() == null || record.gate().isBlank() || record.gate().length() > MAX_GATE_NAME) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Every scan names its gate (1 to " + MAX_GATE_NAME + " characters).");
            }
            if (!isVerdict(record.verdict())) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Unknown verdict: " + record.verdict());
            }
            if (!isMode(record.mode())) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "mode is ENTRY or EXIT.");
            }
            if (record.deviceTime() != null && !InstantMillisConverter.supports(record.deviceTime())) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "A scan's deviceTime lies between the years 0000 and 9999.");
            }
            if (record.performanceId() != null && record.performanceId() < 0) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "performanceId is not negative.");
            }
        }
    }

    private static boolean isVerdict(String name) {
        if (name == null) {
            return false;
        }
        for (Verdict v : Verdict.values()) {
            if (v.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMode(String name) {
        return ScanMode.ENTRY.name().equals(name) || ScanMode.EXIT.name().equals(name);
    }

    /** Admissions stored against the ticket and not closed by an exit. */
    private static long openAdmissions(Session session, String ticketId) {
        List<Object[]> counts = session.createSelectionQuery(
                        "select verdict, count(*) from Scan where ticketId = :ticket and verdict in ('ADMIT', 'EXITED') group by verdict",
                        Object[].class)
                .setParameter("ticket", ticketId).getResultList();
        long admitted = 0;
        long exited = 0;
        for (Object[] row : counts) {
            long n = ((Number) row[1]).longValue();
            if (Verdict.ADMIT.name().equals(row[0])) {
                admitted = n;
            } else {
                exited = n;
            }
        }
        return Math.max(0, admitted - exited);
    }

    /** How many people the ticket admits, from its token; 1 for a ticket the server does not know. */
    private static int admitsOf(Session session, String ticketId) {
        String token = session.createNativeQuery("select token from ticket where id = :id", String.class)
                .setParameter("id", ticketId).getResultStream().findFirst().orElse(null);
        if (token == null) {
            return 1;
        }
        try {
            return TicketTokenCodec.decode(token).token().admits();
        } catch (MalformedTokenException e) {
            return 1;
        }
    }
}
