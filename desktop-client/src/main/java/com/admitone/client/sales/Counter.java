package com.admitone.client.sales;

import com.admitone.client.offline.OfflineRefunds;
import com.admitone.client.offline.OfflineSales;
import com.admitone.client.store.LocalStore;
import com.admitone.client.store.Outbox;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.store.replica.AreaStatus;
import com.admitone.client.store.replica.CustomerOrder;
import com.admitone.client.store.replica.Event;
import com.admitone.client.store.replica.GaArea;
import com.admitone.client.store.replica.PerformanceItemKey;
import com.admitone.client.store.replica.Performance;
import com.admitone.client.store.replica.Price;
import com.admitone.client.store.replica.Seat;
import com.admitone.client.store.replica.SeatStatus;
import com.admitone.client.store.replica.Section;
import com.admitone.client.store.replica.Ticket;
import com.admitone.client.store.replica.Venue;
import com.admitone.client.sync.SyncEngine;
import com.admitone.model.inventory.SeatState;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.Command;
import com.admitone.model.sync.Commands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The box office's work with the local replica and the outbox: which performances there are and
 * how full, a performance's seats, zones and prices, the live state of its seats, and the commands
 * a sale is made of (hold, release, sell, refund). Every method blocks on the local database (and
 * waits for the sync engine where it says so), so none may run on the JavaFX thread; the store
 * refuses if they do.
 */
public final class Counter {
    /** How long a basket's seats stay held on the server; renewed whenever a seat is added. */
    public static final int HOLD_SECONDS = 600;

    private final LocalStore store;
    private final Outbox outbox;
    private final Supplier<SyncEngine> engine;
    private final Supplier<Outbox.Author> author;
    private final String deviceId;
    private final Clock clock;
    private final WaitingSales waiting;

    public Counter(LocalStore store, Outbox outbox, Supplier<SyncEngine> engine, Supplier<Outbox.Author> author,
                   String deviceId, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.engine = engine;
        this.author = author;
        this.deviceId = deviceId;
        this.clock = clock;
        this.waiting = new WaitingSales(store);
    }

    /** Online sales the server has not answered yet, watched until it decides (see {@link WaitingSales}). */
    public WaitingSales waitingSales() {
        return waiting;
    }

    /** Told (on the writing thread) after every local write: a pulled page, a command recorded here. */
    public void onReplicaChange(Runnable listener) {
        store.onWrite(s -> listener.run());
    }

    public String deviceId() {
        return deviceId;
    }

    // ---- performances --------------------------------------------------------------------------

    /** A performance as the picker lists it, with how many seats or places are left. */
    public record PerformanceRow(long id, String title, String venue, Instant startsAt, ZoneId zone, String status,
                                 int free, int capacity, boolean seated) {
    }

    /**
     * Performances from the start of today (venue time) on, soonest first; {@code text} filters by
     * title or venue (any case), {@code day} by date.
     */
    public List<PerformanceRow> performances(String text, LocalDate day, int max) {
        return store.read(s -> {
            Instant from = day == null ? LocalDate.now(clock).atStartOfDay(ZoneId.systemDefault()).toInstant().minus(Duration.ofHours(14))
                    : day.atStartOfDay(ZoneId.systemDefault()).toInstant().minus(Duration.ofHours(14));
            Map<Long, Venue> venues = new HashMap<>();
            s.createSelectionQuery("from Venue", Venue.class).getResultList().forEach(v -> venues.put(v.id(), v));
            Map<Long, Event> events = new HashMap<>();
            s.createSelectionQuery("from Event", Event.class).getResultList().forEach(e -> events.put(e.id(), e));
            Map<Long, Long> seatsByVenue = new HashMap<>();
            for (Object[] r : s.createSelectionQuery("select venueId, count(*) from Seat group by venueId", Object[].class).getResultList()) {
                seatsByVenue.put((Long) r[0], (Long) r[1]);
            }
            List<Performance> all = s.createSelectionQuery("from Performance where startsAt >= :from order by startsAt, id",
                    Performance.class).setParameter("from", from).getResultList();
            String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            List<PerformanceRow> rows = new ArrayList<>();
            for (Performance p : all) {
                Venue venue = venues.get(p.venueId());
                Event event = events.get(p.eventId());
                if (venue == null || event == null) {
                    continue;
                }
                ZoneId zone = zoneOf(venue);
                if (day != null && !p.startsAt().atZone(zone).toLocalDate().equals(day)) {
                    continue;
                }
                if (day == null && p.startsAt().atZone(zone).toLocalDate().isBefore(LocalDate.now(clock.withZone(zone)))) {
                    continue;
                }
                if (!needle.isEmpty() && !event.title().toLowerCase(Locale.ROOT).contains(needle)
                        && !venue.name().toLowerCase(Locale.ROOT).contains(needle)) {
                    continue;
                }
                rows.add(new PerformanceRow(p.id(), event.title(), venue.name(), p.startsAt(), zone, p.status(), 0, 0,
                        seatsByVenue.getOrDefault(p.venueId(), 0L) > 0));
                if (rows.size() >= max) {
                    break;
                }
            }
            // Availability for the listed ones only: a few grouped queries, not one per row.
            List<Long> ids = rows.stream().map(PerformanceRow::id).toList();
            Map<Long, Long> taken = new HashMap<>();
            Map<Long, long[]> areas = new HashMap<>();
            if (!ids.isEmpty()) {
                for (SeatStatus st : s.createSelectionQuery("from SeatStatus where id.performanceId in :ids", SeatStatus.class)
                        .setParameter("ids", ids).getResultList()) {
                    if (st.effectiveState() != SeatState.FREE) {
                        taken.merge(st.performanceId(), 1L, Long::sum);
                    }
                }
                for (AreaStatus a : s.createSelectionQuery("from AreaStatus where id.performanceId in :ids", AreaStatus.class)
                        .setParameter("ids", ids).getResultList()) {
                    long[] sum = areas.computeIfAbsent(a.performanceId(), k -> new long[2]);
                    sum[0] += a.freeNow();
                    sum[1] += a.capacity();
                }
            }
            List<PerformanceRow> result = new ArrayList<>(rows.size());
            for (PerformanceRow r : rows) {
                Performance p = s.find(Performance.class, r.id());
                long seats = seatsByVenue.getOrDefault(p.venueId(), 0L);
                long[] area = areas.getOrDefault(r.id(), new long[2]);
                int capacity = (int) (seats + area[1]);
                int free = (int) (seats - taken.getOrDefault(r.id(), 0L) + area[0]);
                result.add(new PerformanceRow(r.id(), r.title(), r.venue(), r.startsAt(), r.zone(), r.status(), free, capacity, r.seated()));
            }
            return result;
        });
    }

    // ---- one performance -----------------------------------------------------------------------

    /** A seat as this package hands it to the map. */
    public record SeatRow(long id, String label, String section, String row, int number, double x, double y, String zone,
                          String flags) {
    }

    public record AreaRow(long id, String name, String zone, int capacity, int free) {
    }

    /** Everything fixed about a performance: its seats, areas, prices, venue and tax. */
    public record Plan(long performanceId, String title, String venueName, Instant startsAt, ZoneId zone, String status,
                       String currency, int taxRateBasisPoints, List<SeatRow> seats, List<AreaRow> areas,
                       Map<String, Map<PriceType, Long>> prices) {
    }

    public Plan plan(long performanceId) {
        return store.read(s -> {
            Performance p = s.find(Performance.class, performanceId);
            if (p == null) {
                throw new IllegalArgumentException("This performance is not on this computer yet. Sync and try again.");
            }
            Venue venue = s.find(Venue.class, p.venueId());
            Event event = s.find(Event.class, p.eventId());
            Map<Long, String> sections = new HashMap<>();
            s.createSelectionQuery("from Section where venueId = :v", Section.class).setParameter("v", p.venueId())
                    .getResultList().forEach(sec -> sections.put(sec.id(), sec.name()));
            List<SeatRow> seats = s.createSelectionQuery("from Seat where venueId = :v order by id", Seat.class)
                    .setParameter("v", p.venueId()).getResultList().stream()
                    .map(st -> new SeatRow(st.id(), st.label() == null ? st.row() + st.number() : st.label(),
                            sections.getOrDefault(st.sectionId(), ""), st.row() == null ? "" : st.row(), st.number(),
                            st.x(), st.y(), st.zone() == null ? "STANDARD" : st.zone(), st.flags()))
                    .toList();
            List<AreaRow> areas = new ArrayList<>();
            for (GaArea a : s.createSelectionQuery("from GaArea where venueId = :v order by id", GaArea.class)
                    .setParameter("v", p.venueId()).getResultList()) {
                AreaStatus st = s.find(AreaStatus.class, new PerformanceItemKey(performanceId, a.id()));
                if (st != null) {
                    areas.add(new AreaRow(a.id(), a.name(), a.zone(), st.capacity(), st.freeNow()));
                }
            }
            Map<String, Map<PriceType, Long>> prices = new LinkedHashMap<>();
            for (Price price : s.createSelectionQuery("from Price where id.performanceId = :p", Price.class)
                    .setParameter("p", performanceId).getResultList()) {
                try {
                    prices.computeIfAbsent(price.zone(), z -> new EnumMap<>(PriceType.class))
                            .put(PriceType.valueOf(price.priceType()), price.amountMinor());
                } catch (IllegalArgumentException unknownType) {
                    // a price type this client does not know yet: not offered
                }
            }
            return new Plan(performanceId, event == null ? "?" : event.title(), venue == null ? "?" : venue.name(),
                    p.startsAt(), zoneOf(venue), p.status(), venue == null ? "GBP" : venue.currency(),
                    venue == null ? 0 : venue.taxRateBasisPoints(), seats, areas, prices);
        });
    }

    /** A seat's state as the counter shows it: the inventory state and whether this device holds it. */
    public record SeatView(SeatState state, boolean mine) {
    }

    /** Seats of a performance that are not free (missing ones are free), and the areas' free places. */
    public record Snapshot(Map<Long, SeatView> seats, Map<Long, Integer> areaFree) {
    }

    public Snapshot snapshot(long performanceId) {
        return store.read(s -> {
            Map<Long, SeatView> seats = new HashMap<>();
            for (SeatStatus st : s.createSelectionQuery("from SeatStatus where id.performanceId = :p", SeatStatus.class)
                    .setParameter("p", performanceId).getResultList()) {
                SeatState state = st.effectiveState();
                if (state != SeatState.FREE) {
                    boolean mine = state == SeatState.HELD && (st.provisionalKey() != null || deviceId.equals(st.holdDeviceId()))
                            || state == SeatState.ALLOTTED && deviceId.equals(st.allottedDeviceId());
                    seats.put(st.seatId(), new SeatView(state, mine));
                }
            }
            Map<Long, Integer> areas = new HashMap<>();
            for (AreaStatus a : s.createSelectionQuery("from AreaStatus where id.performanceId = :p", AreaStatus.class)
                    .setParameter("p", performanceId).getResultList()) {
                areas.put(a.areaId(), a.freeNow());
            }
            return new Snapshot(seats, areas);
        });
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Holds seats (adding to the basket's hold if it is live) through the outbox. */
    public OutboxItem hold(UUID holdId, long performanceId, List<Long> seatIds) {
        return outbox.record(new Commands.HoldSeats(holdId, performanceId, seatIds, List.of(), HOLD_SECONDS), author.get());
    }

    public OutboxItem release(UUID holdId, List<Long> seatIds) {
        return outbox.record(new Commands.ReleaseHold(holdId, seatIds), author.get());
    }

    public OutboxItem record(Command command) {
        return outbox.record(command, author.get());
    }

    /**
     * Records a sale made without the server (or from this computer's allotment): guaranteed from
     * the allotment, else provisional where the performance allows. Throws
     * {@link OfflineSales.RefusedException} with the sentence for staff when it may not be sold.
     */
    public OfflineSales.Recorded sellOffline(Commands.SellSeats sale) {
        return new OfflineSales(store, outbox, deviceId, clock).sell(sale, author.get());
    }

    /** A cash refund while offline, up to this computer's limit; above it {@link OfflineSales.RefusedException}. */
    public OutboxItem refundOffline(UUID orderId, List<UUID> ticketIds, String reason) {
        return new OfflineRefunds(store, outbox).refund(orderId, ticketIds, reason, author.get());
    }

    /** What sync made of an offline sale, for the confirmation and the order view. */
    public record OfflineResult(String outcome, List<Map<String, Object>> moves, String conflictId) {
    }

    /** The outcome of the offline sale recorded as {@code item}: null while the server has not answered. */
    @SuppressWarnings("unchecked")
    public OfflineResult offlineResult(OutboxItem item) {
        OutboxItem now = store.read(s -> s.find(OutboxItem.class, item.position()));
        if (now == null || now.status() != OutboxItem.Status.APPLIED) {
            return null;
        }
        Map<String, Object> data = outbox.resultData(now);
        Object moves = data.get("moves");
        return new OfflineResult((String) data.get("outcome"), moves instanceof List<?> l ? (List<Map<String, Object>>) l : List.of(),
                (String) data.get("conflictId"));
    }

    /** How a command ended as far as this device knows after waiting. */
    public record Outcome(OutboxItem.Status status, String code, String message) {
        public boolean applied() {
            return status == OutboxItem.Status.APPLIED;
        }

        public boolean rejected() {
            return status == OutboxItem.Status.REJECTED;
        }
    }

    /**
     * Asks the engine to sync and waits up to {@code timeout} for the server's answer to a command
     * and, when it was applied, for the replica to hold its changes. A command still waiting then
     * (offline) comes back as PENDING or SENT.
     */
    public Outcome await(OutboxItem item, Duration timeout) {
        SyncEngine e = engine.get();
        if (e != null) {
            e.requestSync();
        }
        Instant end = clock.instant().plus(timeout);
        OutboxItem now = item;
        while (true) {
            long position = item.position();
            now = store.read(s -> s.find(OutboxItem.class, position));
            boolean done = now.status() == OutboxItem.Status.REJECTED
                    || now.status() == OutboxItem.Status.APPLIED && now.settled();
            if (done || clock.instant().isAfter(end)) {
                return new Outcome(now.status(), now.resultCode(), now.resultMessage());
            }
            if (now.status() == OutboxItem.Status.APPLIED && e != null) {
                e.requestSync(); // pull the command's changes
            }
            try {
                Thread.sleep(60);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return new Outcome(now.status(), now.resultCode(), now.resultMessage());
            }
        }
    }

    // ---- orders --------------------------------------------------------------------------------

    /** An order with its tickets, as the replica holds it. */
    public record OrderDetail(String id, String number, boolean provisional, String offlineOutcome, String status, long performanceId,
                              String title,
                              Instant startsAt, ZoneId zone, String venueName, String currency, int taxRateBasisPoints,
                              long totalMinor, long discountMinor, String customerName, String customerEmail,
                              String customerPhone, Instant created, List<TicketRow> tickets, List<PaymentRow> payments) {
    }

    public record TicketRow(String id, Long seatId, String seatLabel, String section, String row, String seatNumber,
                            String areaName, String priceType, long priceMinor, long discountMinor, String status,
                            String token, String keyId) {
        /** Valid, or sold offline here and not answered yet (its device-signed ticket admits meanwhile). */
        public boolean valid() {
            return "VALID".equals(status) || "PROVISIONAL".equals(status);
        }
    }

    public record PaymentRow(String kind, String method, long amountMinor, Long tenderedMinor) {
    }

    public OrderDetail order(String orderId) {
        return store.read(s -> {
            CustomerOrder o = s.find(CustomerOrder.class, orderId);
            if (o == null) {
                return null;
            }
            Performance p = s.find(Performance.class, o.performanceId());
            Event event = p == null ? null : s.find(Event.class, p.eventId());
            Venue venue = p == null ? null : s.find(Venue.class, p.venueId());
            List<TicketRow> tickets = new ArrayList<>();
            for (Ticket t : s.createSelectionQuery("from Ticket where orderId = :o order by seatId, areaId, id", Ticket.class)
                    .setParameter("o", orderId).getResultList()) {
                Seat seat = t.seatId() == null ? null : s.find(Seat.class, t.seatId());
                Section section = seat == null ? null : s.find(Section.class, seat.sectionId());
                GaArea area = t.areaId() == null ? null : s.find(GaArea.class, t.areaId());
                tickets.add(new TicketRow(t.id(), t.seatId(), seat == null ? null : (seat.label() == null ? seat.row() + seat.number() : seat.label()),
                        section == null ? "" : section.name(), seat == null ? "" : seat.row(),
                        seat == null ? "" : Integer.toString(seat.number()), area == null ? null : area.name(),
                        t.priceType(), t.priceMinor(), t.discountMinor(), t.status(), t.token(), t.keyId()));
            }
            List<PaymentRow> payments = s.createSelectionQuery("from Payment where orderId = :o order by created", com.admitone.client.store.replica.Payment.class)
                    .setParameter("o", orderId).getResultList().stream()
                    .map(pm -> new PaymentRow(pm.kind(), pm.method(), pm.amountMinor(), pm.tenderedMinor())).toList();
            return new OrderDetail(o.id(), o.number(), o.isProvisional(), o.offlineOutcome(), o.status(), o.performanceId(),
                    event == null ? "?" : event.title(), p == null ? o.created() : p.startsAt(), zoneOf(venue),
                    venue == null ? "?" : venue.name(), o.currency(), venue == null ? 0 : venue.taxRateBasisPoints(),
                    o.totalMinor(), o.discountMinor(), o.customerName(), o.customerEmail(), o.customerPhone(), o.created(),
                    tickets, payments);
        });
    }

    /** The venue a performance is in, from the replica. */
    public long venueOf(long performanceId) {
        return store.read(s -> {
            Performance p = s.find(Performance.class, performanceId);
            if (p == null) {
                throw new IllegalArgumentException("This performance is not on this computer yet. Sync and try again.");
            }
            return p.venueId();
        });
    }

    /** A found order, for the look-up list. */
    public record OrderHit(String id, String number, String status, String customerName, long totalMinor, String currency,
                           Instant created) {
    }

    /** Orders in the replica whose number, customer name, e-mail or phone contains {@code q}. */
    public List<OrderHit> searchReplica(String q) {
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        String loose = needle.replaceAll("[^a-z0-9]", "");
        return store.read(s -> s.createSelectionQuery("from CustomerOrder order by created desc", CustomerOrder.class)
                .getResultList().stream()
                .filter(o -> needle.isEmpty()
                        || o.number() != null && !loose.isEmpty() && o.number().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").contains(loose)
                        || contains(o.customerName(), needle) || contains(o.customerEmail(), needle)
                        || contains(o.customerPhone(), needle) || o.id().equalsIgnoreCase(needle))
                .limit(50)
                .map(o -> new OrderHit(o.id(), o.number(), o.status(), o.customerName(), o.totalMinor(), o.currency(), o.created()))
                .toList());
    }

    /**
     * Customers of earlier orders whose name, e-mail or phone contains {@code q}, most recent first and
     * each once, so a returning customer is attached to a new sale without typing their details again.
     */
    public List<Commands.Customer> knownCustomers(String q, int max) {
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        if (needle.length() < 2) {
            return List.of();
        }
        String like = "%" + needle.replace("%", "").replace("_", "") + "%";
        return store.read(s -> s.createSelectionQuery("from CustomerOrder where lower(customerName) like :q "
                                + "or lower(customerEmail) like :q or customerPhone like :q order by created desc", CustomerOrder.class)
                .setParameter("q", like).setMaxResults(max * 5).getResultList().stream()
                .map(o -> new Commands.Customer(o.customerName(), o.customerEmail(), o.customerPhone()))
                .distinct()
                .limit(max)
                .toList());
    }

    private static boolean contains(String hay, String needle) {
        return hay != null && hay.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Records that tickets or a receipt were printed (or saved), so reprints can be seen later. */
    public void recordPrint(String orderId, String what, String userId) {
        store.write(s -> {
            s.createNativeMutationQuery("insert into print_log (order_id, what, user_id, device_id, printed_ms, reprint) "
                            + "values (:o, :w, :u, :d, :t, (select count(*) > 0 from print_log where order_id = :o and what = :w))")
                    .setParameter("o", orderId).setParameter("w", what).setParameter("u", userId)
                    .setParameter("d", deviceId).setParameter("t", clock.millis()).executeUpdate();
            return null;
        });
    }

    /** How often an order's tickets or receipt were printed on this device. */
    public long printCount(String orderId, String what) {
        return store.read(s -> ((Number) s.createNativeQuery("select count(*) from print_log where order_id = :o and what = :w", Object.class)
                .setParameter("o", orderId).setParameter("w", what).getSingleResult()).longValue());
    }

    private static ZoneId zoneOf(Venue venue) {
        try {
            return venue == null || venue.timezone() == null ? ZoneId.systemDefault() : ZoneId.of(venue.timezone());
        } catch (RuntimeException e) {
            return ZoneId.systemDefault();
        }
    }
}
