package com.admitone.client.offline;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.Outbox;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.store.OwnDeviceKey;
import com.admitone.client.store.replica.Allotment;
import com.admitone.client.store.replica.Event;
import com.admitone.client.store.replica.Performance;
import com.admitone.client.store.replica.PerformanceItemKey;
import com.admitone.client.store.replica.SeatStatus;
import com.admitone.model.inventory.SeatState;
import com.admitone.model.offline.ProvisionalPolicy;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.Commands;
import com.admitone.model.ticket.SigningKey;
import com.admitone.model.ticket.TicketToken;
import com.admitone.model.ticket.TicketTokenCodec;
import org.hibernate.Session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sales made while the server cannot be reached (docs/offline.md). A sale of seats that are all in
 * one of this device's allotments is <em>guaranteed</em>; any other sale is <em>provisional</em>,
 * and allowed only where the performance's policy allows it. Either way each ticket is signed with
 * this device's certified key, so it prints and scans at once, and the {@code SellOffline} command
 * goes into the outbox in the same local transaction that shows the sale in the replica.
 */
public final class OfflineSales {
    /** As the server signs online tickets (SalesService): from two hours before the start to an hour after the end. */
    static final Duration VALID_BEFORE_START = Duration.ofHours(2);
    static final Duration VALID_AFTER_END = Duration.ofHours(1);

    public enum Kind { GUARANTEED, PROVISIONAL }

    /** Whether this device may sell these seats offline, and how; {@code refusal} says why not in plain words. */
    public record Decision(Kind kind, UUID allotmentId, String refusal) {
        public boolean allowed() {
            return refusal == null;
        }

        static Decision refuse(String sentence) {
            return new Decision(null, null, sentence);
        }
    }

    /** A recorded offline sale: its outbox item and how it was made. */
    public record Recorded(OutboxItem item, Commands.SellOffline command, Kind kind) {
    }

    /** Thrown when the sale may not be made offline; the message is the sentence for staff. */
    public static final class RefusedException extends RuntimeException {
        public RefusedException(String sentence) {
            super(sentence);
        }
    }

    private final LocalStore store;
    private final Outbox outbox;
    private final String deviceId;
    private final Clock clock;

    public OfflineSales(LocalStore store, Outbox outbox, String deviceId, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.deviceId = deviceId;
        this.clock = clock;
    }

    /** What an offline sale of these seats and places would be, from the replica alone. */
    public Decision decide(long performanceId, List<Long> seatIds, Map<Long, Integer> areaPlaces) {
        return store.read(s -> decide(s, performanceId, seatIds, areaPlaces));
    }

    /**
     * Records {@code sale} (as built for the server) as an offline sale: decides, signs each ticket
     * and writes the command with its local effect in one transaction. Throws {@link RefusedException}
     * when it may not be sold offline; nothing is written then.
     */
    public Recorded sell(Commands.SellSeats sale, Outbox.Author author) {
        return store.write(s -> {
            List<Long> seats = new ArrayList<>();
            Map<Long, Integer> places = new HashMap<>();
            for (Commands.SaleLine line : sale.lines()) {
                if (line.seatId() != null) {
                    seats.add(line.seatId());
                } else if (line.areaId() != null) {
                    places.merge(line.areaId(), 1, Integer::sum);
                }
            }
            Decision decision = decide(s, sale.performanceId(), seats, places);
            if (!decision.allowed()) {
                throw new RefusedException(decision.refusal());
            }
            OwnDeviceKey own = s.find(OwnDeviceKey.class, 1);
            SigningKey key = own.signingKey();
            Performance performance = s.find(Performance.class, sale.performanceId());
            Event event = s.find(Event.class, performance.eventId());
            Instant validFrom = performance.startsAt().minus(VALID_BEFORE_START);
            Instant validUntil = performance.startsAt().plus(Duration.ofMinutes(event == null ? 0 : event.durationMinutes()))
                    .plus(VALID_AFTER_END);
            List<Commands.OfflineLine> lines = new ArrayList<>();
            for (Commands.SaleLine line : sale.lines()) {
                PriceType type = line.priceType() == null ? PriceType.ADULT : line.priceType();
                TicketToken token = new TicketToken(key.keyId(), line.ticketId(), sale.performanceId(), line.seatId(),
                        line.seatId() == null ? line.areaId() : null, type, validFrom, validUntil, 1);
                lines.add(new Commands.OfflineLine(line, TicketTokenCodec.encode(token, key)));
            }
            Commands.SellOffline command = new Commands.SellOffline(sale.orderId(), sale.performanceId(), decision.allotmentId(),
                    lines, sale.payments(), sale.customer(), sale.orderDiscountMinor(), sale.orderDiscountReason(),
                    clock.instant());
            OutboxItem item = outbox.record(s, command, author, null);
            return new Recorded(item, command, decision.kind());
        });
    }

    private Decision decide(Session s, long performanceId, List<Long> seatIds, Map<Long, Integer> areaPlaces) {
        Instant now = clock.instant();
        OwnDeviceKey own = s.find(OwnDeviceKey.class, 1);
        if (own == null || !own.canSignAt(now)) {
            return Decision.refuse("This computer cannot sign tickets offline yet: its key is certified at the next "
                    + "sync with the server.");
        }
        Performance performance = s.find(Performance.class, performanceId);
        if (performance == null) {
            return Decision.refuse("This performance is not on this computer yet.");
        }
        if ("CANCELLED".equals(performance.status())) {
            return Decision.refuse("This performance is cancelled.");
        }
        if (seatIds.isEmpty() && areaPlaces.isEmpty()) {
            return Decision.refuse("The basket is empty.");
        }
        List<Allotment> mine = s.createSelectionQuery(
                        "from Allotment where deviceId = :d and performanceId = :p and status = 'OPEN'", Allotment.class)
                .setParameter("d", deviceId).setParameter("p", performanceId).getResultList()
                .stream().filter(a -> a.activeAt(now)).toList();
        Set<Long> unsoldAllotted = new HashSet<>();
        for (Long seat : seatIds) {
            SeatStatus row = s.find(SeatStatus.class, new PerformanceItemKey(performanceId, seat));
            if (row != null && row.effectiveState() == SeatState.ALLOTTED && deviceId.equals(row.allottedDeviceId())) {
                unsoldAllotted.add(seat);
            }
        }
        for (Allotment allotment : mine) {
            if (allotment.seats().containsAll(seatIds) && unsoldAllotted.containsAll(seatIds)
                    && placesLeft(s, allotment, areaPlaces)) {
                return new Decision(Kind.GUARANTEED, UUID.fromString(allotment.id()), null);
            }
        }
        if (!unsoldAllotted.isEmpty()) {
            return Decision.refuse("Some of these seats are in this computer's allotment and some are not: sell them as two sales.");
        }
        ProvisionalPolicy policy = policyOf(performance);
        if (!policy.allowsProvisionalSales()) {
            return Decision.refuse(mine.isEmpty()
                    ? "Offline, this performance can only be sold from an allotment, and this computer has none for it."
                    : "Offline, this performance can only be sold from this computer's allotment; these seats are not in it.");
        }
        for (Long seat : seatIds) {
            SeatStatus row = s.find(SeatStatus.class, new PerformanceItemKey(performanceId, seat));
            if (row != null && row.effectiveState() != SeatState.FREE) {
                return Decision.refuse("A seat in the basket is not free as far as this computer knows.");
            }
        }
        return new Decision(Kind.PROVISIONAL, null, null);
    }

    static ProvisionalPolicy policyOf(Performance performance) {
        try {
            return performance.provisionalPolicy() == null ? ProvisionalPolicy.NOT_ALLOWED
                    : ProvisionalPolicy.valueOf(performance.provisionalPolicy());
        } catch (IllegalArgumentException unknown) {
            return ProvisionalPolicy.NOT_ALLOWED;
        }
    }

    /** GA places: the allotment's unsold places minus what this device sold from it offline and not yet confirmed. */
    private boolean placesLeft(Session s, Allotment allotment, Map<Long, Integer> wanted) {
        if (wanted.isEmpty()) {
            return true;
        }
        Map<Long, Integer> left = new HashMap<>(allotment.areaPlaces());
        for (OutboxItem item : s.createSelectionQuery(
                "from OutboxItem where commandType = 'SellOffline' and settled = false and status <> 'REJECTED'", OutboxItem.class)
                .getResultList()) {
            if (item.commandJson().contains(allotment.id())) {
                for (Commands.SaleLine line : outbox.envelope(item).command() instanceof Commands.SellOffline o
                        ? o.lines().stream().map(Commands.OfflineLine::line).toList() : List.<Commands.SaleLine>of()) {
                    if (line.areaId() != null) {
                        left.merge(line.areaId(), -1, Integer::sum);
                    }
                }
            }
        }
        for (Map.Entry<Long, Integer> e : wanted.entrySet()) {
            if (left.getOrDefault(e.getKey(), 0) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
