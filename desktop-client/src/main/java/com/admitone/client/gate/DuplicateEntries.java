package com.admitone.client.gate;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.replica.ScanEntry;
import com.admitone.client.store.replica.Ticket;
import com.admitone.model.gate.Admission;
import com.admitone.model.gate.Verdict;
import com.admitone.model.ticket.MalformedTokenException;
import com.admitone.model.ticket.TicketTokenCodec;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The after-the-fact report of second entries. Two gates that were offline at the same time can each
 * admit the same ticket; neither could know. Once their scans meet in the replica (through the
 * change feed), this walks every ticket's entries and exits in time order and lists each ticket that
 * let more people in than it admits, with every entry (when and at which gate), so a manager can
 * follow it up. Nothing is lost: the scans themselves are never changed. Blocking: off the JavaFX thread.
 */
public final class DuplicateEntries {
    private final LocalStore store;

    public DuplicateEntries(LocalStore store) {
        this.store = store;
    }

    /**
     * A ticket that let in more people than it admits.
     *
     * @param admits  how many people the ticket admits
     * @param entries every entry on the ticket, oldest first
     * @param extra   how many of those entries went past what the ticket admits
     */
    public record Duplicate(String ticketId, String place, String orderNumber, int admits, List<Admission> entries,
                            int extra) {
    }

    /** Every ticket of the performance with a second (or later) entry it did not allow, in order of the first such entry. */
    public List<Duplicate> find(long performanceId) {
        return store.read(session -> {
            Map<String, List<ScanEntry>> byTicket = new LinkedHashMap<>();
            for (ScanEntry scan : session.createSelectionQuery("from ScanEntry where performanceId = :p and ticketId is not null "
                            + "and verdict in ('ADMIT', 'EXITED') order by scanned, id", ScanEntry.class)
                    .setParameter("p", performanceId).getResultList()) {
                byTicket.computeIfAbsent(scan.ticketId(), k -> new ArrayList<>()).add(scan);
            }
            List<Duplicate> duplicates = new ArrayList<>();
            for (Map.Entry<String, List<ScanEntry>> e : byTicket.entrySet()) {
                Ticket ticket = session.find(Ticket.class, e.getKey());
                int admits = admitsOf(ticket);
                int open = 0;
                int extra = 0;
                List<Admission> entries = new ArrayList<>();
                for (ScanEntry scan : e.getValue()) {
                    if (Verdict.ADMIT.name().equals(scan.verdict())) {
                        entries.add(new Admission(scan.scanned(), scan.gate()));
                        if (open >= admits) {
                            extra++;
                        }
                        open++;
                    } else if (open > 0) {
                        open--;
                    }
                }
                if (extra > 0) {
                    String place = ticket == null ? null : TicketPlaces.of(session, ticket.seatId(), ticket.areaId());
                    duplicates.add(new Duplicate(e.getKey(), place, orderNumber(session, ticket), admits, List.copyOf(entries), extra));
                }
            }
            return duplicates;
        });
    }

    /** From the ticket's own token; a ticket the replica does not know (yet) counts as admitting one. */
    private static int admitsOf(Ticket ticket) {
        if (ticket == null || ticket.token() == null) {
            return 1;
        }
        try {
            return TicketTokenCodec.decode(ticket.token()).token().admits();
        } catch (MalformedTokenException e) {
            return 1;
        }
    }

    private static String orderNumber(Session session, Ticket ticket) {
        if (ticket == null) {
            return null;
        }
        List<String> numbers = session.createSelectionQuery("select o.number from CustomerOrder o where o.id = :id", String.class)
                .setParameter("id", ticket.orderId()).getResultList();
        return numbers.isEmpty() ? null : numbers.get(0);
    }
}
