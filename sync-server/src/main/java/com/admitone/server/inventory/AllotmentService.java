package com.admitone.server.inventory;

import com.admitone.model.auth.Role;
import com.admitone.model.inventory.SeatAction;
import com.admitone.model.inventory.SeatState;
import com.admitone.model.problem.ErrorCode;
import com.admitone.model.programme.PerformanceStatus;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.sync.Commands;
import com.admitone.server.http.ApiException;
import com.admitone.server.offline.SeatPicker;
import com.admitone.server.programme.Performance;
import com.admitone.server.storage.Sql;
import com.admitone.server.sync.WriteContext;
import org.hibernate.Session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Allotments (docs/offline.md): leases seats and general-admission places to one device until a
 * deadline, returns what is unsold at the deadline or on release, and makes the seat moves of
 * offline sales. Like {@link InventoryService}, every seat change is one conditional update whose
 * states come from {@link SeatAction}, so the database refuses a second sale of a seat.
 */
public final class AllotmentService {
    /** An allotment may run at most this long past its performance's start (late sales at the door). */
    static final Duration MAX_PAST_START = Duration.ofDays(1);
    static final int MAX_STANDING_DAYS = 31;
    static final int MAX_PLACES = 1000;

    // ---- commands ----

    public Map<String, Object> allot(WriteContext ctx, Commands.AllotSeats command) {
        Session session = ctx.session();
        if (command.allotmentId() == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "allotmentId is required.");
        }
        String deviceId = targetDevice(ctx, command.deviceId());
        Set<Long> seatIds = InventoryService.distinctSeats(command.seatIds());
        Map<Long, Integer> places = places(command.areas());
        if (seatIds.isEmpty() && places.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "An allotment needs at least one seat or place.");
        }
        Performance performance = InventoryService.onSale(session, command.performanceId());
        if (command.until() == null || !command.until().isAfter(ctx.now())) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "until must be a time in the future.");
        }
        if (command.until().isAfter(performance.startsAt().plus(MAX_PAST_START))) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "An allotment ends at most one day after its performance starts.");
        }
        Allotment allotment = openOrAdd(ctx, command.allotmentId().toString(), performance, deviceId, command.until());
        allotSeats(ctx, allotment, seatIds);
        allotPlaces(ctx, allotment, places);
        publish(ctx, allotment);
        ctx.audit("allot", ChangeEntity.ALLOTMENT, allotment.id, Map.of("performanceId", performance.id(), "deviceId", deviceId,
                "seatIds", seatIds, "areas", command.areas(), "until", allotment.until.toString()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("allotmentId", allotment.id);
        data.put("performanceId", performance.id());
        data.put("deviceId", deviceId);
        data.put("until", allotment.until.toString());
        data.put("seatIds", allottedSeats(session, allotment.id));
        data.put("areas", areaLines(session, allotment.id));
        return data;
    }

    public Map<String, Object> requestStanding(WriteContext ctx, Commands.RequestStandingAllotment command) {
        Session session = ctx.session();
        if (command.requestId() == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "requestId is required.");
        }
        String deviceId = targetDevice(ctx, command.deviceId());
        if (command.seatsPerPerformance() < 0 || command.seatsPerPerformance() > InventoryService.MAX_SEATS_PER_COMMAND
                || command.placesPerArea() < 0 || command.placesPerArea() > MAX_PLACES
                || command.seatsPerPerformance() + command.placesPerArea() == 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Ask for 0 to " + InventoryService.MAX_SEATS_PER_COMMAND
                    + " seats per performance and 0 to " + MAX_PLACES + " places per area, not both 0.");
        }
        if (command.days() < 1 || command.days() > MAX_STANDING_DAYS) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "days is 1 to " + MAX_STANDING_DAYS + ".");
        }
        List<Performance> performances = session.createSelectionQuery("from Performance p where p.status = :onSale "
                        + "and p.startsAt > :now and p.startsAt <= :last order by p.startsAt, p.id", Performance.class)
                .setParameter("onSale", PerformanceStatus.ON_SALE).setParameter("now", ctx.now())
                .setParameter("last", ctx.now().plus(Duration.ofDays(command.days()))).getResultList();
        List<Map<String, Object>> made = new ArrayList<>();
        for (Performance performance : performances) {
            String id = UUID.nameUUIDFromBytes((command.requestId() + ":" + performance.id()).getBytes(StandardCharsets.UTF_8)).toString();
            Allotment allotment = session.find(Allotment.class, id);
            if (allotment == null) {
                allotment = new Allotment(id, performance.id(), deviceId, ctx.principal().userId(), ctx.now(), performance.startsAt());
                session.persist(allotment);
                session.flush();
                if (command.seatsPerPerformance() > 0) {
                    List<SeatPicker.Candidate> free = freeSeats(session, performance.id(), null);
                    allotSeats(ctx, allotment, new TreeSet<>(SeatPicker.best(free, command.seatsPerPerformance())));
                }
                if (command.placesPerArea() > 0) {
                    Map<Long, Integer> places = new TreeMap<>();
                    for (AreaStatus area : areasOf(session, performance.id())) {
                        int quantity = Math.min(command.placesPerArea(), Math.max(0, area.free()));
                        if (quantity > 0) {
                            places.put(area.areaId(), quantity);
                        }
                    }
                    allotPlaces(ctx, allotment, places);
                }
                publish(ctx, allotment);
                ctx.audit("allot_standing", ChangeEntity.ALLOTMENT, id, Map.of("performanceId", performance.id(),
                        "deviceId", deviceId, "requestId", command.requestId().toString()));
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("allotmentId", id);
            line.put("performanceId", performance.id());
            line.put("until", allotment.until.toString());
            line.put("seatIds", allottedSeats(session, id));
            line.put("areas", areaLines(session, id));
            made.add(line);
        }
        return Map.of("allotments", made);
    }

    public Map<String, Object> release(WriteContext ctx, Commands.ReleaseAllotment command) {
        Session session = ctx.session();
        Allotment allotment = requireAllotment(ctx, command.allotmentId());
        if (!mayManage(ctx, allotment)) {
            throw new ApiException(ErrorCode.ALLOTMENT_NOT_YOURS, "Allotment " + allotment.id + " belongs to another device.");
        }
        Set<Long> seatIds = InventoryService.distinctSeats(command.seatIds());
        Map<Long, Integer> places = places(command.areas());
        boolean everything = seatIds.isEmpty() && places.isEmpty();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("allotmentId", allotment.id);
        if (!allotment.isOpen()) {
            data.put("releasedSeatIds", List.of());
            data.put("releasedAreas", List.of());
            data.put("status", allotment.status);
            return data;
        }
        List<Long> released = everything ? allottedSeats(session, allotment.id) : new ArrayList<>(seatIds);
        returnSeats(ctx, allotment, released, !everything);
        Map<Long, Integer> returnedPlaces = returnPlaces(ctx, allotment, everything ? null : places);
        if (everything) {
            allotment.status = Allotment.RELEASED;
        }
        publish(ctx, allotment);
        ctx.audit("release_allotment", ChangeEntity.ALLOTMENT, allotment.id, Map.of("seatIds", released, "areas", returnedPlaces));
        data.put("releasedSeatIds", released);
        data.put("releasedAreas", areaQuantities(returnedPlaces));
        data.put("status", allotment.status);
        return data;
    }

    /** Returns every allotment whose deadline passed to sale. Run with hold expiry ({@link HoldExpiry}). */
    public int expireAllotments(WriteContext ctx) {
        Session session = ctx.session();
        List<Allotment> due = session.createSelectionQuery("from Allotment a where a.status = :open and a.until <= :now",
                        Allotment.class)
                .setParameter("open", Allotment.OPEN).setParameter("now", ctx.now()).setMaxResults(200).getResultList();
        for (Allotment allotment : due) {
            List<Long> seats = allottedSeats(session, allotment.id);
            returnSeats(ctx, allotment, seats, false);
            Map<Long, Integer> places = returnPlaces(ctx, allotment, null);
            allotment.status = Allotment.EXPIRED;
            publish(ctx, allotment);
            ctx.audit("allotment_expired", ChangeEntity.ALLOTMENT, allotment.id, Map.of("seatIds", seats, "areas", places));
        }
        return due.size();
    }

    /** True when an allotment ran out and {@link #expireAllotments} would change anything; a cheap read. */
    public static boolean anyExpired(Session session, Instant now) {
        return !session.createSelectionQuery("select 1 from Allotment a where a.status = :open and a.until <= :now", Integer.class)
                .setParameter("open", Allotment.OPEN).setParameter("now", now).setMaxResults(1).getResultList().isEmpty();
    }

    // ---- seat moves of offline sales (sales.OfflineSales) ----

    /**
     * The allotment an offline sale names: it must exist, be this device's and be for this
     * performance. Read once per transaction ({@link WriteContext#remember}): a group of offline
     * sales names the same few allotments again and again. A detached copy, to read from only;
     * whatever changes an allotment reads it with {@link #requireAllotment} or {@link #openOrAdd},
     * which make the transaction forget the copy.
     */
    public Allotment requireOwnAllotment(WriteContext ctx, UUID allotmentId, long performanceId) {
        if (allotmentId == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "allotmentId is required.");
        }
        Allotment allotment = ctx.remember(new AllotmentKey(allotmentId.toString()), () -> find(ctx, allotmentId));
        if (!allotment.deviceId.equals(ctx.principal().deviceId())) {
            throw new ApiException(ErrorCode.ALLOTMENT_NOT_YOURS, "Allotment " + allotment.id + " belongs to another device.");
        }
        if (allotment.performanceId != performanceId) {
            throw new ApiException(ErrorCode.SEAT_NOT_ALLOTTED, "Allotment " + allotment.id + " is for another performance.");
        }
        return allotment;
    }

    /** Sells the seats that are still ALLOTTED under {@code allotment}; returns those it sold. */
    public List<Long> sellAllotted(WriteContext ctx, Allotment allotment, Collection<Long> seatIds, String orderId) {
        if (seatIds.isEmpty()) {
            return List.of();
        }
        int changed = Sql.update(ctx.session(), "UPDATE seat_state SET state = ?, order_id = ?, allotted_device_id = NULL, "
                        + "allotted_until_ms = NULL, version = version + 1 WHERE performance_id = ? AND state = ? AND allotment_id = ? "
                        + "AND seat_id IN (?*)", seatIds,
                SeatAction.SELL.to(), orderId, allotment.performanceId, SeatState.ALLOTTED, allotment.id);
        if (changed == seatIds.size()) {
            return new ArrayList<>(seatIds);
        }
        return changed == 0 ? List.of() : soldTo(ctx.session(), allotment.performanceId, orderId, seatIds);
    }

    /**
     * Sells those of the seats that are FREE, or ALLOTTED to the selling device itself (its own
     * allotment covers a provisional sale too); returns those it sold. The rest were taken.
     */
    public List<Long> sellIfFree(WriteContext ctx, long performanceId, Collection<Long> seatIds, String orderId) {
        if (seatIds.isEmpty()) {
            return List.of();
        }
        int changed = Sql.update(ctx.session(), "UPDATE seat_state SET state = ?, order_id = ?, allotted_device_id = NULL, "
                        + "allotted_until_ms = NULL, version = version + 1 WHERE performance_id = ? "
                        + "AND (state = ? OR (state = ? AND allotted_device_id = ?)) AND seat_id IN (?*)", seatIds,
                SeatAction.SELL.to(), orderId, performanceId, SeatState.FREE, SeatState.ALLOTTED, ctx.principal().deviceId());
        if (changed == seatIds.size()) {
            return new ArrayList<>(seatIds);
        }
        return changed == 0 ? List.of() : soldTo(ctx.session(), performanceId, orderId, seatIds);
    }

    /** Sells up to {@code quantity} places of an area from the allotment; returns how many it sold. */
    public int sellAllottedPlaces(WriteContext ctx, Allotment allotment, long areaId, int quantity) {
        Session session = ctx.session();
        Integer left = Sql.query(session, "SELECT quantity FROM allotment_area WHERE allotment_id = ? AND area_id IN (?*)",
                List.of(areaId), row -> row.getInt(1), allotment.id).stream().findFirst().orElse(0);
        int take = Math.min(left, quantity);
        if (take <= 0) {
            return 0;
        }
        Sql.update(session, "UPDATE allotment_area SET quantity = quantity - ?, sold = sold + ? WHERE allotment_id = ? "
                + "AND area_id IN (?*)", List.of(areaId), take, take, allotment.id);
        int changed = Sql.update(session, "UPDATE area_state SET allotted = allotted - ?, sold = sold + ?, version = version + 1 "
                + "WHERE performance_id = ? AND allotted >= ? AND area_id IN (?*)", List.of(areaId), take, take,
                allotment.performanceId, take);
        if (changed != 1) {
            throw new IllegalStateException("allotted places of area " + areaId + " are missing");
        }
        publishArea(ctx, allotment.performanceId, areaId);
        return take;
    }

    /** Sells up to {@code quantity} free places of an area; returns how many it sold. */
    public int sellFreePlaces(WriteContext ctx, long performanceId, long areaId, int quantity) {
        Session session = ctx.session();
        AreaStatus status = areaStatus(session, performanceId, areaId);
        if (status == null) {
            throw new ApiException(ErrorCode.UNKNOWN_AREA, "Area " + areaId + " is not part of performance " + performanceId + ".");
        }
        int take = Math.min(Math.max(0, status.free()), quantity);
        if (take <= 0) {
            return 0;
        }
        int changed = Sql.update(session, "UPDATE area_state SET sold = sold + ?, version = version + 1 WHERE performance_id = ? "
                + "AND capacity - held - sold - blocked - allotted >= ? AND area_id IN (?*)", List.of(areaId), take, performanceId, take);
        if (changed != 1) {
            return 0; // another node took them meanwhile: the caller records a conflict
        }
        publishArea(ctx, performanceId, areaId);
        return take;
    }

    /** Free seats of a performance with their place in the room, in one price zone (or all zones), best first. */
    public static List<SeatPicker.Candidate> freeSeats(Session session, long performanceId, String zone) {
        String sql = "SELECT s.id, s.section_id, s.row_label, s.seat_number, s.x, s.y FROM seat_state ss JOIN seat s ON s.id = ss.seat_id "
                + "JOIN section sec ON sec.id = s.section_id WHERE ss.performance_id = ? AND ss.state = ? "
                + (zone == null ? "" : "AND s.zone = ? ") + "ORDER BY sec.sort_order, s.row_label, s.seat_number";
        return session.doReturningWork(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                statement.setLong(1, performanceId);
                statement.setString(2, SeatState.FREE.name());
                if (zone != null) {
                    statement.setString(3, zone);
                }
                List<SeatPicker.Candidate> free = new ArrayList<>();
                try (var row = statement.executeQuery()) {
                    while (row.next()) {
                        free.add(new SeatPicker.Candidate(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4),
                                row.getDouble(5), row.getDouble(6)));
                    }
                }
                return free;
            }
        });
    }

    /** Where seats are: id to {x, y} and price zone, for finding equivalent seats near them. */
    public record SeatPlace(long seatId, String zone, double x, double y) {
    }

    public static Map<Long, SeatPlace> places(Session session, Collection<Long> seatIds) {
        Map<Long, SeatPlace> found = new LinkedHashMap<>();
        if (seatIds.isEmpty()) {
            return found;
        }
        for (SeatPlace place : Sql.query(session, "SELECT id, zone, x, y FROM seat WHERE id IN (?*)", seatIds,
                row -> new SeatPlace(row.getLong(1), row.getString(2), row.getDouble(3), row.getDouble(4)))) {
            found.put(place.seatId(), place);
        }
        return found;
    }

    /** Publishes seats an offline sale sold. */
    public static void publishSold(WriteContext ctx, long performanceId, Collection<Long> seatIds, String orderId) {
        for (Long seatId : seatIds) {
            ctx.changed(ChangeEntity.SEAT_STATE, SeatStatus.feedId(performanceId, seatId),
                    SeatStatus.feedData(performanceId, seatId, SeatState.SOLD, null, null, orderId, null));
        }
    }

    /** Publishes the allotment's current state (after an offline sale took from it). */
    public void published(WriteContext ctx, Allotment allotment) {
        publish(ctx, allotment);
    }

    // ---- inside ----

    /** The device an allotment is for: a manager's or admin's choice, a box office's own device only. */
    private static String targetDevice(WriteContext ctx, String requested) {
        String own = ctx.principal().deviceId();
        String deviceId = requested == null || requested.isBlank() ? own : requested.strip();
        boolean manager = ctx.principal().role() == Role.ADMIN || ctx.principal().role() == Role.MANAGER;
        if (!manager && !deviceId.equals(own)) {
            throw new ApiException(ErrorCode.FORBIDDEN_ROLE, "The " + ctx.principal().role().wireName()
                    + " role may allot seats to its own device only.");
        }
        if (deviceId.length() > 36) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "deviceId is a device's id.");
        }
        List<String> status = Sql.query(ctx.session(), "SELECT status FROM device WHERE id IN (?*)", List.of(deviceId),
                row -> row.getString(1));
        if (status.isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "There is no device " + deviceId + ".");
        }
        if (!"ACTIVE".equals(status.get(0))) {
            throw new ApiException(ErrorCode.DEVICE_REVOKED, "Device " + deviceId + " is revoked.");
        }
        return deviceId;
    }

    private static boolean mayManage(WriteContext ctx, Allotment allotment) {
        Role role = ctx.principal().role();
        return role == Role.ADMIN || role == Role.MANAGER || allotment.deviceId.equals(ctx.principal().deviceId());
    }

    /** The allotment, to change: a copy {@link #requireOwnAllotment} remembered is forgotten. */
    private static Allotment requireAllotment(WriteContext ctx, UUID allotmentId) {
        if (allotmentId == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "allotmentId is required.");
        }
        ctx.forget(new AllotmentKey(allotmentId.toString()));
        return find(ctx, allotmentId);
    }

    private static Allotment find(WriteContext ctx, UUID allotmentId) {
        Allotment allotment = ctx.session().find(Allotment.class, allotmentId.toString());
        if (allotment == null) {
            throw new ApiException(ErrorCode.UNKNOWN_ALLOTMENT, "There is no allotment " + allotmentId + ".");
        }
        return allotment;
    }

    private record AllotmentKey(String id) {
    }

    /** A new allotment, or more seats for an open one of the same device and performance (its deadline moves). */
    private static Allotment openOrAdd(WriteContext ctx, String id, Performance performance, String deviceId, Instant until) {
        Session session = ctx.session();
        ctx.forget(new AllotmentKey(id));
        Allotment allotment = session.find(Allotment.class, id);
        if (allotment == null) {
            allotment = new Allotment(id, performance.id(), deviceId, ctx.principal().userId(), ctx.now(), until);
            session.persist(allotment);
            session.flush();
            return allotment;
        }
        if (!allotment.deviceId.equals(deviceId) || allotment.performanceId != performance.id()) {
            throw new ApiException(ErrorCode.DUPLICATE_ID, "Allotment " + id + " is for another device or performance.");
        }
        if (!allotment.isOpen()) {
            throw new ApiException(ErrorCode.ALLOTMENT_EXPIRED, "Allotment " + id + " is " + allotment.status.toLowerCase() + ".");
        }
        allotment.until = until;
        Sql.update(session, "UPDATE seat_state SET allotted_until_ms = ?, version = version + 1 WHERE state = ? AND allotment_id IN (?*)",
                List.of(id), until, SeatState.ALLOTTED);
        for (Long seatId : allottedSeats(session, id)) {
            publishAllotted(ctx, allotment, seatId);
        }
        return allotment;
    }

    private static void allotSeats(WriteContext ctx, Allotment allotment, Set<Long> seatIds) {
        if (seatIds.isEmpty()) {
            return;
        }
        Session session = ctx.session();
        int changed = Sql.update(session, "UPDATE seat_state SET state = ?, allotment_id = ?, allotted_device_id = ?, "
                        + "allotted_until_ms = ?, version = version + 1 WHERE performance_id = ? AND state = ? AND seat_id IN (?*)",
                seatIds, SeatAction.ALLOT.to(), allotment.id, allotment.deviceId, allotment.until, allotment.performanceId,
                SeatState.FREE);
        if (changed != seatIds.size()) {
            List<Object[]> rows = Sql.query(session, "SELECT seat_id, state, allotment_id FROM seat_state WHERE performance_id = ? "
                    + "AND seat_id IN (?*)", seatIds, row -> new Object[]{row.getLong(1), row.getString(2), row.getString(3)},
                    allotment.performanceId);
            if (rows.size() != seatIds.size()) {
                throw new ApiException(ErrorCode.UNKNOWN_SEAT, "Some seats are not part of performance " + allotment.performanceId + ".");
            }
            List<Long> taken = rows.stream()
                    .filter(r -> !(SeatState.ALLOTTED.name().equals(r[1]) && allotment.id.equals(r[2])))
                    .map(r -> (Long) r[0]).toList();
            throw new ApiException(ErrorCode.SEAT_TAKEN, taken.size() + " of the seats are not free.", Map.of("seatIds", taken));
        }
        for (Long seatId : seatIds) {
            publishAllotted(ctx, allotment, seatId);
        }
    }

    private static void publishAllotted(WriteContext ctx, Allotment allotment, long seatId) {
        Map<String, Object> data = SeatStatus.feedData(allotment.performanceId, seatId, SeatState.ALLOTTED, null, null, null,
                allotment.deviceId);
        data.put("allotmentId", allotment.id);
        data.put("allottedUntil", allotment.until.toString());
        ctx.changed(ChangeEntity.SEAT_STATE, SeatStatus.feedId(allotment.performanceId, seatId), data);
    }

    private static void allotPlaces(WriteContext ctx, Allotment allotment, Map<Long, Integer> places) {
        Session session = ctx.session();
        for (Map.Entry<Long, Integer> entry : places.entrySet()) {
            long areaId = entry.getKey();
            int quantity = entry.getValue();
            AreaStatus status = areaStatus(session, allotment.performanceId, areaId);
            if (status == null) {
                throw new ApiException(ErrorCode.UNKNOWN_AREA, "Area " + areaId + " is not part of performance " + allotment.performanceId + ".");
            }
            int changed = Sql.update(session, "UPDATE area_state SET allotted = allotted + ?, version = version + 1 WHERE performance_id = ? "
                    + "AND capacity - held - sold - blocked - allotted >= ? AND area_id IN (?*)", List.of(areaId), quantity,
                    allotment.performanceId, quantity);
            if (changed != 1) {
                throw new ApiException(ErrorCode.CAPACITY_EXCEEDED, "Only " + Math.max(0, status.free()) + " places are left in this area.",
                        Map.of("areaId", areaId, "free", Math.max(0, status.free())));
            }
            int added = Sql.update(session, "UPDATE allotment_area SET quantity = quantity + ? WHERE allotment_id = ? AND area_id IN (?*)",
                    List.of(areaId), quantity, allotment.id);
            if (added == 0) {
                session.createNativeMutationQuery("INSERT INTO allotment_area (allotment_id, area_id, quantity, sold) "
                                + "VALUES (:allotment, :area, :quantity, 0)")
                        .setParameter("allotment", allotment.id).setParameter("area", areaId).setParameter("quantity", quantity)
                        .executeUpdate();
            }
            publishArea(ctx, allotment.performanceId, areaId);
        }
    }

    /** Returns seats of the allotment to FREE; with {@code strict} every named seat must still be allotted under it. */
    private static void returnSeats(WriteContext ctx, Allotment allotment, List<Long> seatIds, boolean strict) {
        if (seatIds.isEmpty()) {
            return;
        }
        int changed = Sql.update(ctx.session(), "UPDATE seat_state SET state = ?, allotment_id = NULL, allotted_device_id = NULL, "
                        + "allotted_until_ms = NULL, version = version + 1 WHERE performance_id = ? AND state = ? AND allotment_id = ? "
                        + "AND seat_id IN (?*)", seatIds,
                SeatAction.RETURN_ALLOTMENT.to(), allotment.performanceId, SeatState.ALLOTTED, allotment.id);
        if (strict && changed != seatIds.size()) {
            throw new ApiException(ErrorCode.SEAT_NOT_ALLOTTED, "Some of these seats are not (or no longer) in allotment " + allotment.id + ".");
        }
        for (Long seatId : seatIds) {
            ctx.changed(ChangeEntity.SEAT_STATE, SeatStatus.feedId(allotment.performanceId, seatId),
                    SeatStatus.feedData(allotment.performanceId, seatId, SeatState.FREE, null, null, null, null));
        }
    }

    /** Returns unsold places of the allotment (all of them when {@code only} is null); answers what went back. */
    private static Map<Long, Integer> returnPlaces(WriteContext ctx, Allotment allotment, Map<Long, Integer> only) {
        Session session = ctx.session();
        Map<Long, Integer> left = unsoldPlaces(session, allotment.id);
        Map<Long, Integer> returning = new TreeMap<>();
        if (only == null) {
            left.forEach((area, quantity) -> {
                if (quantity > 0) {
                    returning.put(area, quantity);
                }
            });
        } else {
            for (Map.Entry<Long, Integer> entry : only.entrySet()) {
                if (left.getOrDefault(entry.getKey(), 0) < entry.getValue()) {
                    throw new ApiException(ErrorCode.SEAT_NOT_ALLOTTED, "Allotment " + allotment.id + " has only "
                            + left.getOrDefault(entry.getKey(), 0) + " unsold places in area " + entry.getKey() + ".");
                }
                returning.put(entry.getKey(), entry.getValue());
            }
        }
        for (Map.Entry<Long, Integer> entry : returning.entrySet()) {
            Sql.update(session, "UPDATE allotment_area SET quantity = quantity - ? WHERE allotment_id = ? AND area_id IN (?*)",
                    List.of(entry.getKey()), entry.getValue(), allotment.id);
            Sql.update(session, "UPDATE area_state SET allotted = allotted - ?, version = version + 1 WHERE performance_id = ? "
                    + "AND area_id IN (?*)", List.of(entry.getKey()), entry.getValue(), allotment.performanceId);
            publishArea(ctx, allotment.performanceId, entry.getKey());
        }
        return returning;
    }

    private static void publish(WriteContext ctx, Allotment allotment) {
        Session session = ctx.session();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", allotment.id);
        data.put("performanceId", allotment.performanceId);
        data.put("deviceId", allotment.deviceId);
        data.put("until", allotment.until.toString());
        data.put("status", allotment.status);
        // Its seats and its places in one round trip: this runs after every sale from an allotment.
        List<Long> seatIds = new ArrayList<>();
        List<Map<String, Object>> areas = new ArrayList<>();
        for (long[] row : Sql.select(session, "SELECT 0, seat_id, 0, 0 FROM seat_state WHERE state = ? AND allotment_id = ? "
                        + "UNION ALL SELECT 1, area_id, quantity, sold FROM allotment_area WHERE allotment_id = ? ORDER BY 1, 2",
                List.of(SeatState.ALLOTTED, allotment.id, allotment.id),
                r -> new long[]{r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)})) {
            if (row[0] == 0) {
                seatIds.add(row[1]);
            } else {
                areas.add(Map.of("areaId", row[1], "quantity", (int) row[2], "sold", (int) row[3]));
            }
        }
        data.put("seatIds", allotment.isOpen() ? seatIds : List.of());
        data.put("areas", areas);
        ctx.changed(ChangeEntity.ALLOTMENT, allotment.id, data);
    }

    static List<Long> allottedSeats(Session session, String allotmentId) {
        return Sql.query(session, "SELECT seat_id FROM seat_state WHERE state = ? AND allotment_id IN (?*) ORDER BY seat_id",
                List.of(allotmentId), row -> row.getLong(1), SeatState.ALLOTTED);
    }

    private static Map<Long, Integer> unsoldPlaces(Session session, String allotmentId) {
        Map<Long, Integer> left = new TreeMap<>();
        for (Object[] row : Sql.query(session, "SELECT area_id, quantity FROM allotment_area WHERE allotment_id IN (?*)",
                List.of(allotmentId), r -> new Object[]{r.getLong(1), r.getInt(2)})) {
            left.put((Long) row[0], (Integer) row[1]);
        }
        return left;
    }

    private static List<Map<String, Object>> areaLines(Session session, String allotmentId) {
        return areaQuantities(unsoldPlaces(session, allotmentId));
    }

    private static List<Map<String, Object>> areaQuantities(Map<Long, Integer> places) {
        List<Map<String, Object>> lines = new ArrayList<>();
        places.forEach((area, quantity) -> lines.add(Map.of("areaId", area, "quantity", quantity)));
        return lines;
    }

    private static List<Long> soldTo(Session session, long performanceId, String orderId, Collection<Long> seatIds) {
        return Sql.query(session, "SELECT seat_id FROM seat_state WHERE performance_id = ? AND state = ? AND order_id = ? "
                + "AND seat_id IN (?*) ORDER BY seat_id", seatIds, row -> row.getLong(1), performanceId, SeatState.SOLD, orderId);
    }

    private static AreaStatus areaStatus(Session session, long performanceId, long areaId) {
        AreaStatus status = session.find(AreaStatus.class, new AreaStatusId(performanceId, areaId));
        if (status != null) {
            session.refresh(status);
        }
        return status;
    }

    private static List<AreaStatus> areasOf(Session session, long performanceId) {
        return session.createSelectionQuery("from AreaStatus a where a.id.performanceId = :perf order by a.id.areaId", AreaStatus.class)
                .setParameter("perf", performanceId).getResultList();
    }

    private static void publishArea(WriteContext ctx, long performanceId, long areaId) {
        AreaStatus status = areaStatus(ctx.session(), performanceId, areaId);
        ctx.changed(ChangeEntity.AREA_STATE, status.feedId(), status.feedData());
    }

    private static Map<Long, Integer> places(List<Commands.AreaQuantity> areas) {
        Map<Long, Integer> merged = new TreeMap<>();
        for (Commands.AreaQuantity area : areas) {
            if (area == null) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "An area line is missing.");
            }
            if (area.quantity() <= 0 || area.quantity() > MAX_PLACES) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "A quantity is 1 to " + MAX_PLACES + ".");
            }
            merged.merge(area.areaId(), area.quantity(), Integer::sum);
        }
        return merged;
    }
}
