package com.admitone.server.inventory;

import com.admitone.model.inventory.SeatState;
import com.admitone.model.sync.Command;
import com.admitone.model.sync.Commands;
import com.admitone.server.storage.Sql;
import com.admitone.server.sync.WriteContext;

import java.util.ArrayList;
import java.util.Collection;
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
 * so a seat that was not FREE when it began is still not FREE for any of its sales. A seat that
 * was FREE goes through the conditional update as always, which alone decides who gets it.
 */
final class SeatsAtGroupStart {
    /** Fewer sales gain nothing: a counter's lone sale would pay a round trip to save at most one. */
    static final int MIN_SALES = 4;
    private static final int MAX_SEATS = 2000;
    private static final Object KEY = SeatsAtGroupStart.class;

    private record Seat(long performanceId, long seatId) {
    }

    private static final String COLUMNS = "performance_id, seat_id, state, hold_id, hold_expires_ms, order_id";

    /** PostgreSQL: one primary-key probe per seat (see {@code NewIds}), not a pass over the performance's seats. */
    private static final String PROBE_EACH_SEAT = "SELECT f." + COLUMNS.replace(", ", ", f.")
            + " FROM unnest(?::bigint[], ?::bigint[]) AS x(p, s) CROSS JOIN LATERAL (SELECT " + COLUMNS
            + " FROM seat_state WHERE performance_id = x.p AND seat_id = x.s LIMIT 1) f";

    private final Map<Seat, InventoryService.SeatRow> rows;

    private SeatsAtGroupStart(Map<Seat, InventoryService.SeatRow> rows) {
        this.rows = rows;
    }

    static void prefetch(WriteContext ctx, List<Command> commands) {
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
        Sql.RowReader<Object[]> reader = r -> new Object[]{r.getLong(1), new InventoryService.SeatRow(r.getLong(2),
                SeatState.valueOf(r.getString(3)), r.getString(4), Sql.instant(r, 5), r.getString(6))};
        List<Object[]> found = Sql.isPostgres(ctx.session())
                ? Sql.queryArrays(ctx.session(), PROBE_EACH_SEAT, List.of(wanted.stream().map(Seat::performanceId).toList(),
                wanted.stream().map(Seat::seatId).toList()), reader)
                : Sql.queryLists(ctx.session(), "SELECT " + COLUMNS + " FROM seat_state WHERE performance_id IN (?*) AND seat_id IN (?*)",
                List.of(wanted.stream().map(Seat::performanceId).distinct().toList(), wanted.stream().map(Seat::seatId).toList()),
                reader);
        Map<Seat, InventoryService.SeatRow> read = new HashMap<>();
        for (Object[] row : found) {
            InventoryService.SeatRow seat = (InventoryService.SeatRow) row[1];
            read.put(new Seat((Long) row[0], seat.seatId()), seat);
        }
        ctx.remember(KEY, () -> new SeatsAtGroupStart(read));
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
