package com.admitone.client.offline;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.Outbox;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.store.replica.Allotment;
import com.admitone.client.store.replica.CustomerOrder;
import com.admitone.client.store.replica.DeviceEntry;
import com.admitone.client.store.replica.Event;
import com.admitone.client.store.replica.Performance;
import com.admitone.client.store.replica.SaleConflict;
import com.admitone.client.store.replica.Seat;
import com.admitone.client.sync.SyncEngine;
import com.admitone.model.offline.ConflictResolution;
import com.admitone.model.sync.Commands;
import org.hibernate.Session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The manager's side of offline selling, on the replica and through the outbox: the allotments of
 * every device (lease, release, ask for a standing allotment) and the conflicts inbox (other seats,
 * refund, mark resolved). Every call blocks on the local database, and {@link #await} on the sync
 * engine: none may run on the JavaFX thread.
 */
public final class OfflineAdmin {
    private final LocalStore store;
    private final Outbox outbox;
    private final Supplier<SyncEngine> engine;
    private final Supplier<Outbox.Author> author;
    private final String deviceId;
    private final Clock clock;

    public OfflineAdmin(LocalStore store, Outbox outbox, Supplier<SyncEngine> engine, Supplier<Outbox.Author> author,
                        String deviceId, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.engine = engine;
        this.author = author;
        this.deviceId = deviceId;
        this.clock = clock;
    }

    public String deviceId() {
        return deviceId;
    }

    /** An allotment as listed. */
    public record AllotmentRow(String id, long performanceId, String performance, String deviceId, String device, boolean mine,
                               int seats, int places, Instant until) {
    }

    /** A device allotments can go to. */
    public record DeviceRow(String id, String name) {
    }

    /** A performance to allot. */
    public record PerformanceRow(long id, String title, Instant startsAt) {
    }

    /** An open or settled conflict as the inbox shows it. */
    public record ConflictRow(String id, String orderId, String orderNumber, long performanceId, String performance,
                              String customer, List<String> seats, int tickets, String status, String resolution, String note,
                              boolean resolving, Instant created) {
        public boolean open() {
            return "OPEN".equals(status) && !resolving;
        }
    }

    public List<AllotmentRow> allotments() {
        return store.read(s -> {
            List<AllotmentRow> rows = new ArrayList<>();
            for (Allotment a : s.createSelectionQuery("from Allotment order by until, id", Allotment.class).getResultList()) {
                DeviceEntry device = s.find(DeviceEntry.class, a.deviceId());
                int places = a.areaPlaces().values().stream().mapToInt(Integer::intValue).sum();
                rows.add(new AllotmentRow(a.id(), a.performanceId(), performanceName(s, a.performanceId()), a.deviceId(),
                        device == null ? a.deviceId() : device.name(), deviceId.equals(a.deviceId()), a.seats().size(), places,
                        a.until()));
            }
            return rows;
        });
    }

    public List<DeviceRow> devices() {
        return store.read(s -> s.createSelectionQuery("from DeviceEntry where status <> 'REVOKED' order by name", DeviceEntry.class)
                .getResultList().stream().map(d -> new DeviceRow(d.id(), d.name())).toList());
    }

    public List<PerformanceRow> performances() {
        Instant now = clock.instant();
        return store.read(s -> {
            List<PerformanceRow> rows = new ArrayList<>();
            for (Performance p : s.createSelectionQuery("from Performance where startsAt > :now and status = 'ON_SALE' "
                    + "order by startsAt, id", Performance.class).setParameter("now", now).setMaxResults(200).getResultList()) {
                Event e = s.find(Event.class, p.eventId());
                rows.add(new PerformanceRow(p.id(), e == null ? "?" : e.title(), p.startsAt()));
            }
            return rows;
        });
    }

    /** Leases seats and places of a performance to a device until {@code until}. */
    public OutboxItem lease(long performanceId, String toDevice, List<Long> seatIds, List<Commands.AreaQuantity> areas, Instant until) {
        if (seatIds.isEmpty() && areas.isEmpty()) {
            throw new OfflineSales.RefusedException("Pick seats on the map or a number of places first.");
        }
        if (until == null || !until.isAfter(clock.instant())) {
            throw new OfflineSales.RefusedException("The deadline must be in the future.");
        }
        return outbox.record(new Commands.AllotSeats(UUID.randomUUID(), performanceId, toDevice, seatIds, areas, until), author.get());
    }

    public OutboxItem release(String allotmentId) {
        return outbox.record(new Commands.ReleaseAllotment(UUID.fromString(allotmentId), List.of(), List.of()), author.get());
    }

    /** Asks the server for {@code seats} seats of every performance in the next {@code days} days, for this computer. */
    public OutboxItem requestStanding(int seats, int places, int days) {
        if (seats < 1 && places < 1 || days < 1) {
            throw new OfflineSales.RefusedException("Ask for at least one seat or place, for at least one day.");
        }
        return outbox.record(new Commands.RequestStandingAllotment(UUID.randomUUID(), deviceId, seats, places, days), author.get());
    }

    public List<ConflictRow> conflicts() {
        return store.read(s -> {
            List<ConflictRow> rows = new ArrayList<>();
            for (SaleConflict c : s.createSelectionQuery("from SaleConflict order by case status when 'OPEN' then 0 else 1 end, created desc",
                    SaleConflict.class).getResultList()) {
                CustomerOrder order = c.orderId() == null ? null : s.find(CustomerOrder.class, c.orderId());
                List<String> seats = new ArrayList<>();
                for (Long id : c.seatIds()) {
                    Seat seat = s.find(Seat.class, id);
                    seats.add(seat == null ? "#" + id : seat.label() == null ? seat.row() + seat.number() : seat.label());
                }
                long performance = c.performanceId() == null ? (order == null ? 0 : order.performanceId()) : c.performanceId();
                rows.add(new ConflictRow(c.id(), c.orderId(), c.orderNumber() != null ? c.orderNumber() : order == null ? null : order.number(),
                        performance, performanceName(s, performance), order == null ? null : order.customerName(), seats,
                        c.ticketIds().size(), c.status(), c.resolution(), c.note(), c.resolving(), c.created()));
            }
            return rows;
        });
    }

    /** Settles a conflict: other seats (one per cancelled ticket), a refund, or marked resolved with a note. */
    public OutboxItem resolve(String conflictId, ConflictResolution resolution, List<Long> seatIds, String note) {
        if (resolution == ConflictResolution.MARK_RESOLVED && (note == null || note.isBlank())) {
            throw new OfflineSales.RefusedException("Write a note: what was agreed with the customer?");
        }
        if (resolution == ConflictResolution.OTHER_SEATS && seatIds.isEmpty()) {
            throw new OfflineSales.RefusedException("Pick the other seats on the map first.");
        }
        return outbox.record(new Commands.ResolveConflict(UUID.fromString(conflictId), resolution,
                resolution == ConflictResolution.OTHER_SEATS ? seatIds : List.of(), List.of(),
                note == null || note.isBlank() ? null : note.strip()), author.get());
    }

    /** How a command ended: applied, or refused with a plain reason; null while it waits (offline). */
    public record Result(boolean applied, String code, String message) {
    }

    /** Asks for a sync and waits up to {@code timeout} for the server's answer (and the feed's news) about {@code item}. */
    public Result await(OutboxItem item, Duration timeout) {
        SyncEngine e = engine.get();
        Instant end = clock.instant().plus(timeout);
        while (true) {
            if (e != null) {
                e.requestSync();
            }
            OutboxItem now = store.read(s -> s.find(OutboxItem.class, item.position()));
            if (now.status() == OutboxItem.Status.REJECTED) {
                return new Result(false, now.resultCode(), now.resultMessage());
            }
            if (now.status() == OutboxItem.Status.APPLIED && now.settled()) {
                return new Result(true, null, null);
            }
            if (clock.instant().isAfter(end)) {
                return null;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static String performanceName(Session s, long performanceId) {
        Performance p = s.find(Performance.class, performanceId);
        Event e = p == null ? null : s.find(Event.class, p.eventId());
        String when = "";
        if (p != null) {
            com.admitone.client.store.replica.Venue venue = s.find(com.admitone.client.store.replica.Venue.class, p.venueId());
            java.time.ZoneId zone;
            try {
                zone = venue == null || venue.timezone() == null ? java.time.ZoneId.systemDefault() : java.time.ZoneId.of(venue.timezone());
            } catch (RuntimeException bad) {
                zone = java.time.ZoneId.systemDefault();
            }
            when = " " + java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm").format(p.startsAt().atZone(zone));
        }
        return (e == null ? "Performance " + performanceId : e.title()) + when;
    }
}
