package com.admitone.server.programme;

import com.admitone.model.offline.ProvisionalPolicy;
import com.admitone.model.programme.PerformanceStatus;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.problem.ErrorCode;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.sync.Commands;
import com.admitone.server.http.ApiException;
import com.admitone.server.inventory.InventoryService;
import com.admitone.server.inventory.AreaStatus;
import com.admitone.server.storage.Counters;
import com.admitone.server.sync.WriteContext;
import com.admitone.server.venue.GaArea;
import com.admitone.server.venue.Seat;
import com.admitone.server.venue.Section;
import com.admitone.server.venue.Venue;
import com.admitone.model.venue.SeatFlag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates reference data (venues, seat maps, events, performances, price lists) and the inventory
 * that goes with each performance, publishing all of it on the change feed.
 */
public final class ProgrammeSetup {
    private static final int ID_BLOCK = 500;

    private final WriteContext ctx;
    private long nextId;
    private long idsLeft;

    public ProgrammeSetup(WriteContext ctx) {
        this.ctx = ctx;
    }

    /** Ids come from the shared counter in blocks: a seat map of 800 seats takes two counter updates, not 800. */
    private long nextId() {
        if (idsLeft == 0) {
            settle();
            nextId = Counters.take(ctx.session(), Counters.REFERENCE, ID_BLOCK);
            idsLeft = ID_BLOCK;
        }
        idsLeft--;
        return nextId++;
    }

    public Venue venue(String name, String timezone, String currency, int taxRateBasisPoints) {
        Venue venue = new Venue(nextId(), name, timezone, currency, taxRateBasisPoints);
        ctx.session().persist(venue);
        // Rows refer to their venue by id, not by association, so Hibernate cannot order the inserts
        // itself: written now, a venue precedes whatever is queued for it (an event of a day with no
        // performance was otherwise inserted before its venue, and the foreign key refused it).
        ctx.session().flush();
        ctx.changed(ChangeEntity.VENUE, venue.id(), venue.feedData());
        return venue;
    }

    public Section section(Venue venue, String name, int sortOrder) {
        Section section = new Section(nextId(), venue.id(), name, sortOrder);
        ctx.session().persist(section);
        ctx.changed(ChangeEntity.SECTION, section.id(), section.feedData());
        return section;
    }

    public Seat seat(Venue venue, Section section, String row, int number, double x, double y, String zone, Set<SeatFlag> flags) {
        String label = section.name().charAt(0) + "-" + row + number;
        Seat seat = new Seat(nextId(), section.id(), venue.id(), row, number, label, x, y, zone, flags);
        ctx.session().persist(seat);
        ctx.changed(ChangeEntity.SEAT, seat.id(), seat.feedData());
        return seat;
    }

    public GaArea area(Venue venue, String name, int capacity, String zone) {
        GaArea area = new GaArea(nextId(), venue.id(), name, capacity, zone);
        ctx.session().persist(area);
        ctx.changed(ChangeEntity.AREA, area.id(), area.feedData());
        return area;
    }

    public Event event(Venue venue, String title, String description, int durationMinutes) {
        Event event = new Event(nextId(), venue.id(), title, description, durationMinutes);
        ctx.session().persist(event);
        ctx.changed(ChangeEntity.EVENT, event.id(), event.feedData());
        return event;
    }

    /**
     * A performance on sale with a FREE inventory row per seat and a counter per area. Seat states
     * are not published: a seat with no {@code seat_state} entry on the feed is free.
     */
    public Performance performance(Event event, Venue venue, Instant startsAt, Map<String, Map<PriceType, Long>> priceList,
                                   List<GaArea> areas) {
        return performance(event, venue, startsAt, priceList, areas, ProvisionalPolicy.ACCEPT_OR_MOVE);
    }

    /** A performance as above whose provisional offline sales follow {@code policy}. */
    public Performance performance(Event event, Venue venue, Instant startsAt, Map<String, Map<PriceType, Long>> priceList,
                                   List<GaArea> areas, ProvisionalPolicy policy) {
        Performance performance = new Performance(nextId(), event.id(), venue.id(), startsAt, PerformanceStatus.ON_SALE);
        performance.provisionalPolicy = policy;
        ctx.session().persist(performance);
        ctx.session().flush();
        ctx.session().createNativeMutationQuery("INSERT INTO seat_state (performance_id, seat_id, state, version) "
                        + "SELECT :perf, id, 'FREE', 0 FROM seat WHERE venue_id = :venue")
                .setParameter("perf", performance.id()).setParameter("venue", venue.id()).executeUpdate();
        for (GaArea area : areas) {
            AreaStatus status = new AreaStatus(performance.id(), area.id(), area.capacity());
            ctx.session().persist(status);
            ctx.changed(ChangeEntity.AREA_STATE, status.feedId(), status.feedData());
        }
        priceList.forEach((zone, byType) -> byType.forEach((type, minor) -> {
            Price price = new Price(performance.id(), zone, type.name(), minor);
            ctx.session().persist(price);
            ctx.changed(ChangeEntity.PRICE, price.feedId(), price.feedData());
        }));
        ctx.changed(ChangeEntity.PERFORMANCE, performance.id(), performance.feedData());
        ctx.audit("performance_created", ChangeEntity.PERFORMANCE, performance.id(), Map.of("event", event.title(),
                "startsAt", startsAt.toString()));
        settle();
        return performance;
    }

    /**
     * Writes what is pending and empties the session: a venue set-up creates thousands of rows, and
     * Hibernate would otherwise dirty-check all of them again before every native statement.
     * Entities handed out before stay usable for their ids.
     */
    private void settle() {
        ctx.session().flush();
        ctx.session().clear();
    }

    /** Moves a performance along its life cycle ({@link PerformanceStatus#next()}). */
    public static Map<String, Object> changeStatus(WriteContext ctx, Commands.ChangePerformanceStatus command) {
        if (command.status() == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "status is required.");
        }
        if (command.reason() == null || command.reason().isBlank() || command.reason().length() > 200) {
            throw new ApiException(ErrorCode.REASON_REQUIRED, "Give a reason of up to 200 characters.");
        }
        Performance performance = InventoryService.performanceToChange(ctx, command.performanceId());
        PerformanceStatus from = performance.status;
        if (from != command.status()) {
            if (!from.next().contains(command.status())) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "A performance that is " + from + " cannot become "
                        + command.status() + ".");
            }
            performance.status = command.status();
            ctx.changed(ChangeEntity.PERFORMANCE, performance.id(), performance.feedData());
            ctx.audit("performance_status", ChangeEntity.PERFORMANCE, performance.id(),
                    Map.of("from", from.name(), "to", command.status().name(), "reason", command.reason().strip()));
        }
        return Map.of("performanceId", performance.id(), "status", performance.status.name());
    }

    /** Sets a performance's provisional policy (managers and admins; see docs/offline.md). */
    public static Map<String, Object> setProvisionalPolicy(WriteContext ctx, Commands.SetProvisionalPolicy command) {
        if (command.policy() == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "policy is required: NOT_ALLOWED, ACCEPT_IF_FREE or ACCEPT_OR_MOVE.");
        }
        if (command.reason() == null || command.reason().isBlank() || command.reason().length() > 200) {
            throw new ApiException(ErrorCode.REASON_REQUIRED, "Give a reason of up to 200 characters.");
        }
        Performance performance = InventoryService.performanceToChange(ctx, command.performanceId());
        ProvisionalPolicy from = performance.provisionalPolicy;
        if (from != command.policy()) {
            performance.provisionalPolicy = command.policy();
            ctx.changed(ChangeEntity.PERFORMANCE, performance.id(), performance.feedData());
            ctx.audit("provisional_policy", ChangeEntity.PERFORMANCE, performance.id(),
                    Map.of("from", from.name(), "to", command.policy().name(), "reason", command.reason().strip()));
        }
        return Map.of("performanceId", performance.id(), "provisionalPolicy", performance.provisionalPolicy.name());
    }
}
