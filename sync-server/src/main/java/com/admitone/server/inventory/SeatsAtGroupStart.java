package com.admitone.server.inventory;

import com.admitone.model.inventory.SeatState;
import com.admitone.model.sync.Command;
import com.admitone.model.sync.Commands;
import com.admitone.server.storage.Sql;
import com.admitone.server.sync.WriteContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seats a group of counter sales asks for, read in one query when the group's transaction
 * begins. In a busy on-sale half the sales ask for a seat that is already gone; each of those is
 * then refused from this answer instead of a round trip to the database, which the one command
 * applier, and so every sale, waits on.
 *
 * <p>Only for a group of nothing but sales from FREE (no hold): such a group only ever takes seats,
 * so a seat that was not FREE when it began is still not FREE for any of its sales.
 *
 * <p>On PostgreSQL, in a group run the fast way (not the rerun with savepoints), the sales also
 * take the seats that were FREE in memory ({@link #reserve}: a seat an earlier sale of the group
 * took is refused there), and {@link #writeReserved} marks them all SOLD in one conditional
 * statement at the end of the group instead of one round trip per sale. That statement still
 * decides: should a seat not be FREE any more (another server node sold it meanwhile), it changes
 * fewer rows than reserved and the group is rolled back and run again the per-sale way. A
 * reservation is a claim in the {@link WriteContext}, so a sale refused after it took its seats
 * gives them back with everything else it recorded.
 */
final class SeatsAtGroupStart {
    /** Fewer sales gain nothing: a counter's lone sale would pay a round trip to save at most one. */
    private static final int MIN_SALES = 4;
    private static final int MAX_SEATS = 2000;
    private static final Object KEY = SeatsAtGroupStart.class;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SeatsAtGroupStart.class);

    private static final String COLUMNS = "performance_id, seat_id, state, hold_id, hold_expires_ms, order_id";

    /** PostgreSQL: one primary-key probe per seat (see {@code NewIds}), not a pass over the performance's seats. */
    private static final String PROBE_EACH_SEAT = "SELECT f." + COLUMNS.replace(", ", ", f.")
            + " FROM unnest(?::bigint[], ?::bigint[]) AS x(p, s) CROSS JOIN LATERAL (SELECT " + COLUMNS
            + " FROM seat_state WHERE performance_id = x.p AND seat_id = x.s LIMIT 1) f";

    /** One primary-key probe per seat, as {@link #PROBE_EACH_SEAT}; only seats still FREE change. */
    private static final String SELL_RESERVED = "UPDATE seat_state SET state = ?, order_id = f.o, version = seat_state.version + 1 "
            + "FROM (SELECT x.o, k.performance_id, k.seat_id FROM unnest(?::bigint[], ?::bigint[], ?::varchar[]) AS x(p, s, o) "
            + "CROSS JOIN LATERAL (SELECT performance_id, seat_id FROM seat_state WHERE performance_id = x.p AND seat_id = x.s "
            + "LIMIT 1) k) f WHERE seat_state.performance_id = f.performance_id AND seat_state.seat_id = f.seat_id "
            + "AND seat_state.state = ?";

    private record Seat(long performanceId, long seatId) {
    }

    private record SeatAt(long performanceId, InventoryService.SeatRow row) {
    }

    private record Reserved(Seat seat, String orderId) {
    }

    private final Map<Seat, InventoryService.SeatRow> rows;
    private final boolean batch;
    private final List<Reserved> reserved = new ArrayList<>();

    private SeatsAtGroupStart(Map<Seat, InventoryService.SeatRow> rows, boolean batch) {
        this.rows = rows;
        this.batch = batch;
    }

    /** @param batch whether the group's sales may take FREE seats in memory (PostgreSQL only) */
    static void prefetch(WriteContext ctx, List<Command> commands, boolean batch) {
        if (commands.size() < MIN_SALES) {
            return;
        }
        Set<Seat> wanted = new LinkedHashSet<>();
        for (Command command : commands) {
            if (!(command instanceof Commands.SellSeats sale) || sale.holdId() != null || sale.performanceId() == null) {
                return;
            }
            for (Commands.SaleLine line : sale.lines()) {
                if (line != null && line.seatId() != null) {
                    wanted.add(new Seat(sale.performanceId(), line.seatId()));
                }
            }
        }
        if (wanted.isEmpty() || wanted.size() > MAX_SEATS) {
            return;
        }
        Sql.RowReader<SeatAt> reader = r -> new SeatAt(r.getLong(1), new InventoryService.SeatRow(r.getLong(2),
                SeatState.valueOf(r.getString(3)), r.getString(4), Sql.instant(r, 5), r.getString(6)));
        List<Long> performances = wanted.stream().map(Seat::performanceId).toList();
        List<Long> seats = wanted.stream().map(Seat::seatId).toList();
        boolean postgres = Sql.isPostgres(ctx.session());
        List<SeatAt> found = postgres
                ? Sql.queryArrays(ctx.session(), PROBE_EACH_SEAT, List.of(performances, seats), reader)
                : Sql.queryLists(ctx.session(), "SELECT " + COLUMNS + " FROM seat_state WHERE performance_id IN (?*) AND seat_id IN (?*)",
                List.of(performances.stream().distinct().toList(), seats), reader);
        Map<Seat, InventoryService.SeatRow> read = new HashMap<>();
        for (SeatAt seat : found) {
            read.put(new Seat(seat.performanceId(), seat.row().seatId()), seat.row());
        }
        ctx.remember(KEY, () -> new SeatsAtGroupStart(read, batch && postgres));
    }

    /**
     * Takes the seats for the order in memory, when this group batches its seat updates: true if
     * taken, false if the caller must update them itself. Seats FREE when the group began are
     * expected ({@link #rows}); one that an earlier sale of the group took is refused.
     */
    static boolean reserve(WriteContext ctx, long performanceId, Collection<Long> seatIds, String orderId) {
        SeatsAtGroupStart known = ctx.recall(KEY);
        if (known == null || !known.batch) {
            return false;
        }
        List<String> claims = new ArrayList<>(seatIds.size());
        List<Long> taken = new ArrayList<>();
        for (Long seatId : seatIds) {
            String claim = claim(performanceId, seatId);
            if (ctx.claimed(claim)) {
                taken.add(seatId);
            }
            claims.add(claim);
        }
        if (!taken.isEmpty()) {
            throw InventoryService.seatsTaken(taken);
        }
        ctx.claim(claims);
        for (Long seatId : seatIds) {
            known.reserved.add(new Reserved(new Seat(performanceId, seatId), orderId));
        }
        return true;
    }

    /** Writes the reservations still held (a refused sale's were given back); false if a seat was no longer FREE. */
    static boolean writeReserved(WriteContext ctx) {
        SeatsAtGroupStart known = ctx.recall(KEY);
        if (known == null || known.reserved.isEmpty()) {
            return true;
        }
        // In seat order, so two server nodes writing overlapping seats lock them in the same order.
        List<Reserved> held = known.reserved.stream()
                .filter(r -> ctx.claimed(claim(r.seat().performanceId(), r.seat().seatId())))
                .sorted(Comparator.comparingLong((Reserved r) -> r.seat().performanceId())
                        .thenComparingLong(r -> r.seat().seatId()))
                .toList();
        known.reserved.clear();
        if (held.isEmpty()) {
            return true;
        }
        int changed = Sql.updateArrays(ctx.session(), SELL_RESERVED, List.of(SeatState.SOLD,
                held.stream().map(r -> r.seat().performanceId()).toList(), held.stream().map(r -> r.seat().seatId()).toList(),
                held.stream().map(Reserved::orderId).toList(), SeatState.FREE));
        if (changed != held.size()) {
            log.info("{} of {} seats sold in memory were taken meanwhile; the group runs again seat by seat",
                    held.size() - changed, held.size());
            return false;
        }
        return true;
    }

    private static String claim(long performanceId, long seatId) {
        return "seat " + performanceId + " " + seatId;
    }

    /** The seats' rows as the group began, or null when they were not read up front (or one is unknown). */
    static List<InventoryService.SeatRow> rows(WriteContext ctx, long performanceId, Collection<Long> seatIds) {
        SeatsAtGroupStart known = ctx.recall(KEY);
        if (known == null) {
            return null;
        }
        List<InventoryService.SeatRow> found = new ArrayList<>(seatIds.size());
        for (Long seatId : seatIds) {
            InventoryService.SeatRow row = known.rows.get(new Seat(performanceId, seatId));
            if (row == null) {
                return null;
            }
            found.add(row);
        }
        return found;
    }
}
