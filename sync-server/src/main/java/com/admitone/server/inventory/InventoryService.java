package com.admitone.server.inventory;

import com.admitone.model.inventory.SeatAction;
import com.admitone.model.inventory.SeatState;
import com.admitone.model.problem.ErrorCode;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.sync.Command;
import com.admitone.model.sync.Commands;
import com.admitone.server.http.ApiException;
import com.admitone.server.programme.Performance;
import com.admitone.model.programme.PerformanceStatus;
import com.admitone.server.storage.Sql;
import com.admitone.server.sync.WriteContext;
import org.hibernate.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The authoritative seat inventory: holds, releases, blocks, sales and returns. Every state change
 * is a conditional bulk update checked against {@link SeatAction}, so the database itself refuses
 * a second sale of a seat, whichever server node or device asks.
 */
public final class InventoryService {
    public static final Duration DEFAULT_HOLD = Duration.ofMinutes(10);
    public static final int MIN_HOLD_SECONDS = 5;
    public static final int MAX_HOLD_SECONDS = 3600;
    public static final int MAX_SEATS_PER_COMMAND = 200;

    /** Loads a performance that must exist and be on sale. */
    public static Performance onSale(Session session, Long performanceId) {
        return requireOnSale(requirePerformance(session, performanceId));
    }

    /** As {@link #onSale(Session, Long)}, read once per transaction ({@link #requirePerformance(WriteContext, Long)}). */
    public static Performance onSale(WriteContext ctx, Long performanceId) {
        return requireOnSale(requirePerformance(ctx, performanceId));
    }

    private static Performance requireOnSale(Performance performance) {
        if (performance.status() != PerformanceStatus.ON_SALE) {
            throw new ApiException(ErrorCode.NOT_ON_SALE, "Performance " + performance.id() + " is " + performance.status() + ".");
        }
        return performance;
    }

    /**
     * The performance, read once per transaction: every sale of a group reads it, and only
     * {@link #performanceToChange} changes it. A detached copy, to read from only.
     */
    public static Performance requirePerformance(WriteContext ctx, Long performanceId) {
        if (performanceId == null) {
            return requirePerformance(ctx.session(), null);
        }
        return ctx.remember(new PerformanceKey(performanceId), () -> requirePerformance(ctx.session(), performanceId));
    }

    /** The performance to change; later reads in the transaction see the change. */
    public static Performance performanceToChange(WriteContext ctx, Long performanceId) {
        if (performanceId != null) {
            ctx.forget(new PerformanceKey(performanceId));
        }
        return requirePerformance(ctx.session(), performanceId);
    }

    private record PerformanceKey(long id) {
    }

    public static Performance requirePerformance(Session session, Long performanceId) {
        if (performanceId == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "performanceId is required.");
        }
        Performance performance = session.find(Performance.class, performanceId);
        if (performance == null) {
            throw new ApiException(ErrorCode.UNKNOWN_PERFORMANCE, "There is no performance " + performanceId + ".");
        }
        return performance;
    }

    public Map<String, Object> hold(WriteContext ctx, Commands.HoldSeats command) {
        Session session = ctx.session();
        if (command.holdId() == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "holdId is required.");
        }
        Set<Long> seatIds = distinctSeats(command.seatIds());
        if (seatIds.isEmpty() && command.areas().isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A hold needs at least one seat or place.");
        }
        int seconds = command.seconds() == null ? (int) DEFAULT_HOLD.toSeconds() : command.seconds();
        if (seconds < MIN_HOLD_SECONDS || seconds > MAX_HOLD_SECONDS) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED,
                    "A hold lasts " + MIN_HOLD_SECONDS + " to " + MAX_HOLD_SECONDS + " seconds.");
        }
        Performance performance = onSale(session, command.performanceId());
        Instant expires = ctx.now().plusSeconds(seconds);
        String holdId = command.holdId().toString();
        SeatHold hold = session.find(SeatHold.class, holdId);
        if (hold == null) {
            hold = new SeatHold(holdId, performance.id(), ctx.principal().deviceId(), ctx.principal().userId(), ctx.now(), expires);
            session.persist(hold);
        } else {
            // Adding to a live hold of this device keeps one hold per customer and extends it.
            if (!hold.deviceId().equals(ctx.principal().deviceId())) {
                throw new ApiException(ErrorCode.HOLD_NOT_YOURS, "Hold " + holdId + " belongs to another device.");
            }
            if (hold.performanceId() != performance.id()) {
                throw new ApiException(ErrorCode.DUPLICATE_ID, "Hold " + holdId + " is for another performance.");
            }
            if (!hold.isLive(ctx.now())) {
                throw new ApiException(ErrorCode.HOLD_EXPIRED, "Hold " + holdId + " has expired.");
            }
            hold.expires = expires;
            session.createMutationQuery("update SeatStatus s set s.holdExpires = :expires, s.version = s.version + 1 "
                            + "where s.holdId = :hold and s.state = :held")
                    .setParameter("expires", expires).setParameter("hold", holdId).setParameter("held", SeatState.HELD)
                    .executeUpdate();
        }
        if (!seatIds.isEmpty()) {
            requireSeatsOf(session, performance.id(), seatIds);
            int changed = Sql.update(session, "UPDATE seat_state SET state = ?, hold_id = ?, hold_expires_ms = ?, "
                            + "hold_device_id = ?, version = version + 1 WHERE performance_id = ? "
                            + "AND (state = ? OR (state = ? AND hold_id = ?)) AND seat_id IN (?*)", seatIds,
                    SeatAction.HOLD.to(), holdId, expires, ctx.principal().deviceId(), performance.id(),
                    SeatState.FREE, SeatState.HELD, holdId);
            if (changed != seatIds.size()) {
                throw seatsUnavailable(session, performance.id(), seatIds, SeatAction.HOLD, holdId, ctx.now(),
                        row -> row.state() == SeatState.HELD && holdId.equals(row.holdId()));
            }
        }
        for (Commands.AreaQuantity area : mergeAreas(command.areas()).values()) {
            takePlaces(session, performance.id(), area, "held");
            HoldArea existing = session.find(HoldArea.class, new HoldAreaId(holdId, area.areaId()));
            if (existing == null) {
                session.persist(new HoldArea(holdId, area.areaId(), area.quantity()));
            } else {
                existing.quantity += area.quantity();
            }
            publishArea(ctx, performance.id(), area.areaId());
        }
        publishHoldSeats(ctx, performance.id(), holdId);
        ctx.changed(ChangeEntity.HOLD, holdId, hold.feedData());
        ctx.audit("hold", ChangeEntity.HOLD, holdId, Map.of("performanceId", performance.id(), "seatIds", seatIds,
                "areas", command.areas(), "expiresAt", expires.toString()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("holdId", holdId);
        data.put("expiresAt", expires.toString());
        data.put("seatIds", seatsOfHold(session, holdId));
        return data;
    }

    public Map<String, Object> release(WriteContext ctx, Commands.ReleaseHold command) {
        Session session = ctx.session();
        SeatHold hold = requireOwnHold(ctx, command.holdId() == null ? null : command.holdId().toString());
        Set<Long> seatIds = distinctSeats(command.seatIds());
        if (!SeatHold.OPEN.equals(hold.status)) {
            return Map.of("holdId", hold.id, "released", List.of(), "status", hold.status);
        }
        List<Long> released = seatIds.isEmpty() ? seatsOfHold(session, hold.id) : new ArrayList<>(seatIds);
        if (!released.isEmpty()) {
            int changed = session.createMutationQuery("update SeatStatus s set s.state = :free, s.holdId = null, "
                            + "s.holdExpires = null, s.holdDeviceId = null, s.version = s.version + 1 "
                            + "where s.holdId = :hold and s.state = :held and s.id.seatId in :seats")
                    .setParameter("free", SeatAction.RELEASE_HOLD.to())
                    .setParameter("hold", hold.id)
                    .setParameter("held", SeatState.HELD)
                    .setParameter("seats", released)
                    .executeUpdate();
            if (changed != released.size()) {
                throw new ApiException(ErrorCode.SEAT_NOT_HELD, "Some of these seats are not in hold " + hold.id + ".");
            }
            for (Long seatId : released) {
                ctx.changed(ChangeEntity.SEAT_STATE, SeatStatus.feedId(hold.performanceId, seatId),
                        SeatStatus.feedData(hold.performanceId, seatId, SeatState.FREE, null, null, null, null));
            }
        }
        if (seatIds.isEmpty()) {
            returnHeldPlaces(ctx, hold);
            hold.close(SeatHold.RELEASED);
            // A closed hold is gone for every device: the feed says so explicitly.
            ctx.deleted(ChangeEntity.HOLD, hold.id);
        }
        ctx.audit("release_hold", ChangeEntity.HOLD, hold.id, Map.of("seatIds", released));
        return Map.of("holdId", hold.id, "released", released, "status", hold.status);
    }

    public Map<String, Object> block(WriteContext ctx, Commands.BlockSeats command) {
        return changeBlock(ctx, command.performanceId(), command.seatIds(), command.reason(), SeatAction.BLOCK);
    }

    public Map<String, Object> unblock(WriteContext ctx, Commands.UnblockSeats command) {
        return changeBlock(ctx, command.performanceId(), command.seatIds(), command.reason(), SeatAction.UNBLOCK);
    }

    private Map<String, Object> changeBlock(WriteContext ctx, Long performanceId, List<Long> seatList, String reason,
                                            SeatAction action) {
        Session session = ctx.session();
        Set<Long> seatIds = distinctSeats(seatList);
        if (seatIds.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Name at least one seat.");
        }
        requireReason(reason);
        Performance performance = requirePerformance(session, performanceId);
        requireSeatsOf(session, performance.id(), seatIds);
        List<SeatRow> before = seatRows(session, performance.id(), seatIds);
        if (before.stream().anyMatch(row -> !action.allowedFrom(row.state()))) {
            throw explain(performance.id(), before, action, null, ctx.now(), row -> false);
        }
        int changed = session.createMutationQuery("update SeatStatus s set s.state = :to, s.blockReason = :reason, "
                        + "s.version = s.version + 1 where s.id.performanceId = :perf and s.id.seatId in :seats and s.state in :from")
                .setParameter("to", action.to())
                .setParameter("reason", action == SeatAction.BLOCK ? reason.strip() : null)
                .setParameter("perf", performance.id())
                .setParameter("seats", seatIds)
                .setParameter("from", action.from())
                .executeUpdate();
        if (changed != seatIds.size()) {
            throw seatsUnavailable(session, performance.id(), seatIds, action, null, ctx.now(), row -> row.state() == action.to());
        }
        for (Long seatId : seatIds) {
            ctx.changed(ChangeEntity.SEAT_STATE, SeatStatus.feedId(performance.id(), seatId),
                    SeatStatus.feedData(performance.id(), seatId, action.to(), null, null, null, null));
        }
        ctx.audit(action.name().toLowerCase(), ChangeEntity.PERFORMANCE, performance.id(),
                Map.of("seatIds", seatIds, "reason", reason.strip()));
        return Map.of("performanceId", performance.id(), "seatIds", seatIds, "state", action.to().name());
    }

    /**
     * Reads up front the seats a group of plain sales asks for ({@link SeatsAtGroupStart}): a sale
     * of a seat that was already gone is then refused without a round trip to the database.
     */
    public void prefetchSeatsOfSales(WriteContext ctx, List<Command> commands, boolean batch) {
        SeatsAtGroupStart.prefetch(ctx, commands, batch);
    }

    /**
     * Marks SOLD, in one statement, the seats the group's sales took in memory
     * ({@link SeatsAtGroupStart#reserve}); false when a seat was no longer FREE (another server
     * node took it meanwhile): the group's transaction must then be rolled back and run again
     * without batching.
     */
    public boolean writeReservedSeats(WriteContext ctx) {
        return SeatsAtGroupStart.writeReserved(ctx);
    }

    /**
     * Marks seats SOLD for an order: from the live hold {@code hold} of this device, or straight from
     * FREE when there is no hold.
     */
    public void sellSeats(WriteContext ctx, long performanceId, SeatHold hold, Collection<Long> seatIds, String orderId) {
        if (seatIds.isEmpty()) {
            return;
        }
        Session session = ctx.session();
        // All or none: a sale refused because one seat went leaves the others untouched, so the
        // refusal has nothing to roll back.
        if (hold == null) {
            List<SeatRow> atStart = SeatsAtGroupStart.rows(ctx, performanceId, seatIds);
            if (atStart != null && atStart.stream().anyMatch(row -> row.state() != SeatState.FREE)) {
                throw seatsUnavailable(performanceId, new TreeSet<>(seatIds), atStart, SeatAction.SELL, null, ctx.now(),
                        row -> false);
            }
            if (atStart != null && SeatsAtGroupStart.reserve(ctx, performanceId, seatIds, orderId)) {
                recordSold(ctx, performanceId, seatIds, orderId);
                return;
            }
        }
        Sql.AllOrNone<SeatRow> sold;
        if (hold == null) {
            sold = Sql.updateAllOrNone(session, "seat_state", "state = ?, order_id = ?, version = version + 1",
                    List.of(SeatAction.SELL.to(), orderId), "performance_id = ? AND state = ?",
                    List.of(performanceId, SeatState.FREE), "seat_id", seatIds, SEAT_ROW_COLUMNS, "performance_id = ?",
                    List.of(performanceId), InventoryService::seatRow);
        } else {
            sold = Sql.updateAllOrNone(session, "seat_state", "state = ?, order_id = ?, hold_id = NULL, hold_expires_ms = NULL, "
                    + "hold_device_id = NULL, version = version + 1", List.of(SeatAction.SELL.to(), orderId),
                    "performance_id = ? AND state = ? AND hold_id = ? AND hold_expires_ms > ?",
                    List.of(performanceId, SeatState.HELD, hold.id, ctx.now()), "seat_id", seatIds, SEAT_ROW_COLUMNS,
                    "performance_id = ?", List.of(performanceId), InventoryService::seatRow);
        }
        if (sold.changed() != seatIds.size()) {
            throw seatsUnavailable(performanceId, new TreeSet<>(seatIds), sold.before(), SeatAction.SELL,
                    hold == null ? null : hold.id, ctx.now(), row -> row.state() == SeatState.SOLD && orderId.equals(row.orderId()));
        }
        recordSold(ctx, performanceId, seatIds, orderId);
    }

    private static void recordSold(WriteContext ctx, long performanceId, Collection<Long> seatIds, String orderId) {
        for (Long seatId : seatIds) {
            ctx.changed(ChangeEntity.SEAT_STATE, SeatStatus.feedId(performanceId, seatId),
                    SeatStatus.feedData(performanceId, seatId, SeatState.SOLD, null, null, orderId, null));
        }
    }

    /** The refusal of a sale or hold some of whose seats went to someone else: it names them. */
    static ApiException seatsTaken(List<Long> seatIds) {
        return new ApiException(ErrorCode.SEAT_TAKEN, seatIds.size() == 1
                ? "The seat was just taken at another counter."
                : seatIds.size() + " of the seats were just taken at another counter.",
                Map.of("seatIds", List.copyOf(seatIds)));
    }

    /**
     * For an exchange: sells the seats that are in this device's live {@code hold} from it and the
     * others straight from FREE (seats the exchange has just given back among them).
     */
    public void sellSeatsFromHoldOrFree(WriteContext ctx, long performanceId, SeatHold hold, Collection<Long> seatIds,
                                        String orderId) {
        Set<Long> held = hold == null ? Set.of() : new java.util.HashSet<>(seatsOfHold(ctx.session(), hold.id));
        sellSeats(ctx, performanceId, hold, seatIds.stream().filter(held::contains).sorted().toList(), orderId);
        sellSeats(ctx, performanceId, null, seatIds.stream().filter(id -> !held.contains(id)).sorted().toList(), orderId);
    }

    /** Sells general-admission places: from the hold's places when there is one, else from free capacity. */
    public void sellPlaces(WriteContext ctx, long performanceId, SeatHold hold, Map<Long, Integer> quantities) {
        Session session = ctx.session();
        for (Map.Entry<Long, Integer> entry : quantities.entrySet()) {
            long areaId = entry.getKey();
            int quantity = entry.getValue();
            HoldArea held = hold == null ? null : session.find(HoldArea.class, new HoldAreaId(hold.id, areaId));
            if (held != null && held.quantity >= quantity) {
                int changed = session.createMutationQuery("update AreaStatus a set a.held = a.held - :q, a.sold = a.sold + :q, "
                                + "a.version = a.version + 1 where a.id.performanceId = :perf and a.id.areaId = :area and a.held >= :q")
                        .setParameter("q", quantity).setParameter("perf", performanceId).setParameter("area", areaId)
                        .executeUpdate();
                if (changed != 1) {
                    throw new IllegalStateException("held places of area " + areaId + " are missing");
                }
                held.quantity -= quantity;
            } else {
                takePlaces(session, performanceId, new Commands.AreaQuantity(areaId, quantity), "sold");
            }
            publishArea(ctx, performanceId, areaId);
        }
    }

    /** Returns refunded seats of an order to sale. */
    public void returnSeats(WriteContext ctx, long performanceId, String orderId, Collection<Long> seatIds) {
        if (seatIds.isEmpty()) {
            return;
        }
        int changed = Sql.update(ctx.session(), "UPDATE seat_state SET state = ?, order_id = NULL, version = version + 1 "
                + "WHERE performance_id = ? AND state = ? AND order_id = ? AND seat_id IN (?*)", seatIds,
                SeatAction.REFUND.to(), performanceId, SeatState.SOLD, orderId);
        if (changed != seatIds.size()) {
            throw new IllegalStateException("order " + orderId + " does not own all of its seats " + seatIds);
        }
        for (Long seatId : seatIds) {
            ctx.changed(ChangeEntity.SEAT_STATE, SeatStatus.feedId(performanceId, seatId),
                    SeatStatus.feedData(performanceId, seatId, SeatState.FREE, null, null, null, null));
        }
    }

    public void returnPlaces(WriteContext ctx, long performanceId, Map<Long, Integer> quantities) {
        for (Map.Entry<Long, Integer> entry : quantities.entrySet()) {
            int changed = ctx.session().createMutationQuery("update AreaStatus a set a.sold = a.sold - :q, a.version = a.version + 1 "
                            + "where a.id.performanceId = :perf and a.id.areaId = :area and a.sold >= :q")
                    .setParameter("q", entry.getValue()).setParameter("perf", performanceId).setParameter("area", entry.getKey())
                    .executeUpdate();
            if (changed != 1) {
                throw new IllegalStateException("area " + entry.getKey() + " has fewer sold places than are returned");
            }
            publishArea(ctx, performanceId, entry.getKey());
        }
    }

    /** Closes a hold after a sale; anything left in it goes back on sale. */
    public void closeSoldHold(WriteContext ctx, SeatHold hold) {
        List<Long> leftover = seatsOfHold(ctx.session(), hold.id);
        if (!leftover.isEmpty()) {
            release(ctx, new Commands.ReleaseHold(java.util.UUID.fromString(hold.id), leftover));
        }
        returnHeldPlaces(ctx, hold);
        hold.close(SeatHold.SOLD);
        // A closed hold is gone for every device: the feed says so explicitly.
        ctx.deleted(ChangeEntity.HOLD, hold.id);
    }

    /** Returns every hold that expired by now to sale. Run by {@link HoldExpiry}. */
    public int expireHolds(WriteContext ctx) {
        Session session = ctx.session();
        List<SeatStatus> expiredSeats = session.createSelectionQuery(
                        "from SeatStatus s where s.state = :held and s.holdExpires <= :now", SeatStatus.class)
                .setParameter("held", SeatState.HELD).setParameter("now", ctx.now())
                .setMaxResults(5000)
                .getResultList();
        for (SeatStatus seat : expiredSeats) {
            if (!SeatAction.EXPIRE_HOLD.allowedFrom(seat.state)) {
                continue;
            }
            seat.state = SeatAction.EXPIRE_HOLD.to();
            seat.holdId = null;
            seat.holdExpires = null;
            seat.holdDeviceId = null;
            seat.version++;
            ctx.changed(ChangeEntity.SEAT_STATE, SeatStatus.feedId(seat.id.performanceId, seat.id.seatId),
                    SeatStatus.feedData(seat.id.performanceId, seat.id.seatId, SeatState.FREE, null, null, null, null));
        }
        List<SeatHold> holds = session.createSelectionQuery(
                        "from SeatHold h where h.status = :open and h.expires <= :now", SeatHold.class)
                .setParameter("open", SeatHold.OPEN).setParameter("now", ctx.now())
                .setMaxResults(1000)
                .getResultList();
        for (SeatHold hold : holds) {
            returnHeldPlaces(ctx, hold);
            hold.close(SeatHold.EXPIRED);
            // A closed hold is gone for every device: the feed says so explicitly.
            ctx.deleted(ChangeEntity.HOLD, hold.id);
            ctx.audit("hold_expired", ChangeEntity.HOLD, hold.id, null);
        }
        return expiredSeats.size() + holds.size();
    }

    /** True when something has expired and {@link #expireHolds} would change anything; a cheap read. */
    public static boolean anyExpired(Session session, Instant now) {
        // 'HELD' written out, not bound: only then may the database use the partial index of held seats (V6).
        return !Sql.select(session, "SELECT 1 FROM seat_state WHERE state = 'HELD' AND hold_expires_ms <= ? LIMIT 1",
                List.of(now), row -> row.getInt(1)).isEmpty()
                || !session.createSelectionQuery("select 1 from SeatHold h where h.status = :open and h.expires <= :now", Integer.class)
                .setParameter("open", SeatHold.OPEN).setParameter("now", now).setMaxResults(1).getResultList().isEmpty();
    }

    public SeatHold requireOwnHold(WriteContext ctx, String holdId) {
        if (holdId == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "holdId is required.");
        }
        SeatHold hold = ctx.session().find(SeatHold.class, holdId);
        if (hold == null) {
            throw new ApiException(ErrorCode.UNKNOWN_HOLD, "There is no hold " + holdId + ".");
        }
        if (!hold.deviceId.equals(ctx.principal().deviceId())) {
            throw new ApiException(ErrorCode.HOLD_NOT_YOURS, "Hold " + holdId + " belongs to another device.");
        }
        return hold;
    }

    private void returnHeldPlaces(WriteContext ctx, SeatHold hold) {
        Session session = ctx.session();
        List<HoldArea> areas = session.createSelectionQuery("from HoldArea h where h.id.holdId = :hold", HoldArea.class)
                .setParameter("hold", hold.id).getResultList();
        for (HoldArea area : areas) {
            if (area.quantity > 0) {
                session.createMutationQuery("update AreaStatus a set a.held = a.held - :q, a.version = a.version + 1 "
                                + "where a.id.performanceId = :perf and a.id.areaId = :area")
                        .setParameter("q", area.quantity).setParameter("perf", hold.performanceId).setParameter("area", area.areaId())
                        .executeUpdate();
                area.quantity = 0;
                publishArea(ctx, hold.performanceId, area.areaId());
            }
        }
    }

    private void takePlaces(Session session, long performanceId, Commands.AreaQuantity area, String column) {
        if (area.quantity() <= 0 || area.quantity() > 1000) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A quantity is 1 to 1000.");
        }
        AreaStatus status = session.find(AreaStatus.class, new AreaStatusId(performanceId, area.areaId()));
        if (status == null) {
            throw new ApiException(ErrorCode.UNKNOWN_AREA, "Area " + area.areaId() + " is not part of performance " + performanceId + ".");
        }
        session.detach(status);
        int changed = session.createMutationQuery("update AreaStatus a set a." + column + " = a." + column + " + :q, "
                        + "a.version = a.version + 1 where a.id.performanceId = :perf and a.id.areaId = :area "
                        + "and a.capacity - a.held - a.sold - a.blocked - a.allotted >= :q")
                .setParameter("q", area.quantity()).setParameter("perf", performanceId).setParameter("area", area.areaId())
                .executeUpdate();
        if (changed != 1) {
            throw new ApiException(ErrorCode.CAPACITY_EXCEEDED, "Only " + Math.max(0, status.free()) + " places are left in this area.",
                    Map.of("areaId", area.areaId(), "free", Math.max(0, status.free())));
        }
    }

    private void publishArea(WriteContext ctx, long performanceId, long areaId) {
        Session session = ctx.session();
        AreaStatus status = session.createSelectionQuery(
                        "from AreaStatus a where a.id.performanceId = :perf and a.id.areaId = :area", AreaStatus.class)
                .setParameter("perf", performanceId).setParameter("area", areaId).getSingleResult();
        session.refresh(status);
        ctx.changed(ChangeEntity.AREA_STATE, status.feedId(), status.feedData());
    }

    private void publishHoldSeats(WriteContext ctx, long performanceId, String holdId) {
        List<SeatStatus> seats = ctx.session().createSelectionQuery(
                        "from SeatStatus s where s.holdId = :hold and s.state = :held", SeatStatus.class)
                .setParameter("hold", holdId).setParameter("held", SeatState.HELD).getResultList();
        for (SeatStatus seat : seats) {
            ctx.changed(ChangeEntity.SEAT_STATE, SeatStatus.feedId(performanceId, seat.id.seatId),
                    SeatStatus.feedData(performanceId, seat.id.seatId, SeatState.HELD, seat.holdDeviceId, seat.holdExpires, null, null));
        }
    }

    static List<Long> seatsOfHold(Session session, String holdId) {
        return session.createSelectionQuery("select s.id.seatId from SeatStatus s where s.holdId = :hold and s.state = :held "
                        + "order by s.id.seatId", Long.class)
                .setParameter("hold", holdId).setParameter("held", SeatState.HELD).getResultList();
    }

    private static void requireSeatsOf(Session session, long performanceId, Set<Long> seatIds) {
        Long known = session.createSelectionQuery("select count(*) from SeatStatus s where s.id.performanceId = :perf "
                        + "and s.id.seatId in :seats", Long.class)
                .setParameter("perf", performanceId).setParameter("seats", seatIds).getSingleResult();
        if (known != seatIds.size()) {
            throw new ApiException(ErrorCode.UNKNOWN_SEAT, "Some seats are not part of performance " + performanceId + ".");
        }
    }

    /** A seat's state as the database has it now, read as plain values (never a stale managed entity). */
    record SeatRow(long seatId, SeatState state, String holdId, Instant holdExpires, String orderId) {
    }

    private static final String SEAT_ROW_COLUMNS = "seat_id, state, hold_id, hold_expires_ms, order_id";

    private static SeatRow seatRow(java.sql.ResultSet row) throws java.sql.SQLException {
        return new SeatRow(row.getLong(1), SeatState.valueOf(row.getString(2)), row.getString(3), Sql.instant(row, 4),
                row.getString(5));
    }

    private static List<SeatRow> seatRows(Session session, long performanceId, Collection<Long> seatIds) {
        return Sql.query(session, "SELECT " + SEAT_ROW_COLUMNS + " FROM seat_state WHERE performance_id = ? AND seat_id IN (?*)",
                seatIds, InventoryService::seatRow, performanceId);
    }

    /**
     * Explains why a conditional update did not change every seat: which seats, and in what state.
     * {@code changedByUs} recognises the seats this command's own update already changed.
     */
    private static ApiException seatsUnavailable(Session session, long performanceId, Set<Long> seatIds, SeatAction action,
                                                 String holdId, Instant now, Predicate<SeatRow> changedByUs) {
        return seatsUnavailable(performanceId, seatIds, seatRows(session, performanceId, seatIds), action, holdId, now,
                changedByUs);
    }

    /** The same, from the seats' rows as the failed update saw them. */
    private static ApiException seatsUnavailable(long performanceId, Set<Long> seatIds, List<SeatRow> rows, SeatAction action,
                                                 String holdId, Instant now, Predicate<SeatRow> changedByUs) {
        if (rows.size() != seatIds.size()) {
            return new ApiException(ErrorCode.UNKNOWN_SEAT, "Some seats are not part of performance " + performanceId + ".");
        }
        return explain(performanceId, rows, action, holdId, now, changedByUs);
    }

    private static ApiException explain(long performanceId, List<SeatRow> rows, SeatAction action, String holdId, Instant now,
                                        Predicate<SeatRow> changedByUs) {
        List<Long> unavailable = new ArrayList<>();
        boolean expired = false;
        boolean blocked = false;
        for (SeatRow row : rows) {
            if (changedByUs.test(row)) {
                continue;
            }
            boolean mine = holdId != null && holdId.equals(row.holdId()) && row.state() == SeatState.HELD;
            boolean ok = switch (action) {
                case SELL -> holdId == null ? row.state() == SeatState.FREE : mine && row.holdExpires().isAfter(now);
                default -> action.allowedFrom(row.state());
            };
            if (!ok) {
                unavailable.add(row.seatId());
                expired |= mine;
                blocked |= row.state() == SeatState.BLOCKED;
            }
        }
        Map<String, Object> details = Map.of("seatIds", unavailable);
        if (expired) {
            return new ApiException(ErrorCode.HOLD_EXPIRED, "The hold on these seats has expired.", details);
        }
        if (action == SeatAction.UNBLOCK) {
            return new ApiException(ErrorCode.SEAT_NOT_BLOCKED, "Some seats are not blocked.", details);
        }
        if (action == SeatAction.SELL && holdId != null) {
            return new ApiException(ErrorCode.SEAT_NOT_HELD, "Some seats are not in this hold.", details);
        }
        if (blocked && unavailable.size() == 1) {
            return new ApiException(ErrorCode.SEAT_BLOCKED, "The seat is blocked.", details);
        }
        if (unavailable.isEmpty()) {
            return new ApiException(ErrorCode.SEAT_TAKEN, "The seats changed at another counter meanwhile; try again.",
                    Map.of("performanceId", performanceId));
        }
        return seatsTaken(unavailable);
    }

    static Set<Long> distinctSeats(List<Long> seatIds) {
        if (seatIds.size() > MAX_SEATS_PER_COMMAND) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "At most " + MAX_SEATS_PER_COMMAND + " seats per command.");
        }
        Set<Long> distinct = new TreeSet<>();
        for (Long id : seatIds) {
            if (id == null) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "A seat id is missing.");
            }
            if (!distinct.add(id)) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Seat " + id + " is named twice.");
            }
        }
        return distinct;
    }

    private static Map<Long, Commands.AreaQuantity> mergeAreas(List<Commands.AreaQuantity> areas) {
        Map<Long, Commands.AreaQuantity> merged = new HashMap<>();
        for (Commands.AreaQuantity area : areas) {
            if (area == null) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "An area line is missing.");
            }
            merged.merge(area.areaId(), area, (a, b) -> new Commands.AreaQuantity(a.areaId(), a.quantity() + b.quantity()));
        }
        return merged;
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ApiException(ErrorCode.REASON_REQUIRED, "Give a reason.");
        }
        if (reason.length() > 200) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A reason has at most 200 characters.");
        }
    }

    public static Set<Long> seatSet(List<Long> ids) {
        return new LinkedHashSet<>(distinctSeats(ids));
    }
}
