package com.admitone.server.sales;

import com.admitone.model.order.OrderNumber;
import com.admitone.model.problem.ErrorCode;
import com.admitone.model.sync.Command;
import com.admitone.model.sync.Commands;
import com.admitone.server.http.ApiException;
import com.admitone.server.storage.Sql;
import com.admitone.server.sync.WriteContext;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ids of new orders, tickets and payments come from the device, and each sale must check that
 * none is used already, and draw an order number no order has. A group of commands applied in
 * one transaction checks them all in one query up front ({@link #prefetch}); then each sale
 * checks against that answer and against what earlier commands of the transaction took
 * ({@link WriteContext#claim}). Ids the query did not cover are checked with a query of their own.
 */
final class NewIds {
    /** Beyond this many ids a group is not checked up front (a bound on the statement's parameters). */
    private static final int MAX_PREFETCH = 2000;
    private static final Object KEY = NewIds.class;

    private final Set<String> asked;
    private final Set<String> used;
    private final Deque<String> freeNumbers;

    private NewIds(Set<String> asked, Set<String> used, Deque<String> freeNumbers) {
        this.asked = asked;
        this.used = used;
        this.freeNumbers = freeNumbers;
    }

    /** Checks the ids the group's sales and refunds bring, and as many random order numbers, in one round trip. */
    static void prefetch(WriteContext ctx, List<Command> commands) {
        List<String> orders = new ArrayList<>();
        List<String> tickets = new ArrayList<>();
        List<String> payments = new ArrayList<>();
        for (Command command : commands) {
            if (command instanceof Commands.SellSeats sale && sale.orderId() != null) {
                orders.add(sale.orderId().toString());
                sale.lines().stream().filter(l -> l != null && l.ticketId() != null).forEach(l -> tickets.add(l.ticketId().toString()));
                addPayments(sale.payments(), payments);
            } else if (command instanceof Commands.SellOffline sale && sale.orderId() != null) {
                orders.add(sale.orderId().toString());
                sale.lines().stream().filter(l -> l != null && l.line() != null && l.line().ticketId() != null)
                        .forEach(l -> tickets.add(l.line().ticketId().toString()));
                addPayments(sale.payments(), payments);
            } else if (command instanceof Commands.RefundTickets refund && refund.refundId() != null) {
                // A refund pays out under its own id when it names no payouts (SalesService.refund).
                if (refund.payouts().isEmpty()) {
                    payments.add(refund.refundId().toString());
                } else {
                    addPayments(refund.payouts(), payments);
                }
            }
        }
        if (orders.isEmpty() && payments.isEmpty() || orders.size() * 2 + tickets.size() + payments.size() > MAX_PREFETCH) {
            return;
        }
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            numbers.add(OrderNumber.next());
        }
        Set<String> used = new HashSet<>(Sql.isPostgres(ctx.session())
                ? Sql.queryArrays(ctx.session(), PROBE_EACH_ID, List.of(orders, numbers, tickets, payments), row -> row.getString(1))
                : inLists(ctx, orders, numbers, tickets, payments));
        Set<String> asked = new HashSet<>();
        orders.forEach(id -> asked.add("order " + id));
        tickets.forEach(id -> asked.add("ticket " + id));
        payments.forEach(id -> asked.add("payment " + id));
        Deque<String> free = new ArrayDeque<>();
        new HashSet<>(numbers).stream().filter(n -> !used.contains("number " + n)).forEach(free::add);
        ctx.remember(KEY, () -> new NewIds(asked, used, free));
    }

    /**
     * PostgreSQL: one index probe per id. Written as {@code id = ANY (?)} the planner scanned the
     * tables whole once they held a few thousand rows (its cost model counts the random reads of
     * ~100 probes dearer than one sequential pass, and the ~100 comparisons per row of that pass
     * as almost free): 1-6 ms of the command applier's time per group in an on-sale, against
     * about 0.1 ms probed. A {@code LATERAL} subquery with {@code LIMIT} is not flattened into a
     * join, so it stays a probe per id whatever the statistics say.
     */
    private static final String PROBE_EACH_ID =
            "SELECT 'order ' || f.id FROM unnest(?::varchar[]) AS x(v) "
                    + "CROSS JOIN LATERAL (SELECT id FROM customer_order WHERE id = x.v LIMIT 1) f "
                    + "UNION ALL SELECT 'number ' || f.order_number FROM unnest(?::varchar[]) AS x(v) "
                    + "CROSS JOIN LATERAL (SELECT order_number FROM customer_order WHERE order_number = x.v LIMIT 1) f "
                    + "UNION ALL SELECT 'ticket ' || f.id FROM unnest(?::varchar[]) AS x(v) "
                    + "CROSS JOIN LATERAL (SELECT id FROM ticket WHERE id = x.v LIMIT 1) f "
                    + "UNION ALL SELECT 'payment ' || f.id FROM unnest(?::varchar[]) AS x(v) "
                    + "CROSS JOIN LATERAL (SELECT id FROM payment WHERE id = x.v LIMIT 1) f";

    /** SQLite: IN lists, which it answers from the primary keys' indexes. */
    private static List<String> inLists(WriteContext ctx, List<String> orders, List<String> numbers, List<String> tickets,
                                        List<String> payments) {
        List<String> parts = new ArrayList<>();
        List<List<String>> lists = new ArrayList<>();
        if (!orders.isEmpty()) {
            parts.add("SELECT 'order ' || id FROM customer_order WHERE id IN (?*)");
            parts.add("SELECT 'number ' || order_number FROM customer_order WHERE order_number IN (?*)");
            lists.add(orders);
            lists.add(numbers);
        }
        if (!tickets.isEmpty()) {
            parts.add("SELECT 'ticket ' || id FROM ticket WHERE id IN (?*)");
            lists.add(tickets);
        }
        if (!payments.isEmpty()) {
            parts.add("SELECT 'payment ' || id FROM payment WHERE id IN (?*)");
            lists.add(payments);
        }
        return Sql.queryLists(ctx.session(), String.join(" UNION ALL ", parts), lists, row -> row.getString(1));
    }

    /**
     * Refuses payment ids used before (a refund's payouts), by a committed row or an earlier
     * command of this transaction; the ids are then taken.
     */
    static void requireNewPayments(WriteContext ctx, List<String> paymentIds) {
        if (paymentIds.isEmpty()) {
            return;
        }
        List<String> ids = paymentIds.stream().map(id -> "payment " + id).toList();
        NewIds known = ctx.remember(KEY, () -> new NewIds(Set.of(), Set.of(), new ArrayDeque<>()));
        for (String id : ids) {
            if (ctx.claimed(id) || known.asked.contains(id) && known.used.contains(id)) {
                throw new ApiException(ErrorCode.DUPLICATE_ID, "The " + id + " exists already.");
            }
        }
        if (!known.asked.containsAll(ids)) {
            SalesService.requireNewIds(ctx.session(), null, List.of(), paymentIds);
        }
        ctx.claim(ids);
    }

    /**
     * Refuses ids used before (by a committed row or an earlier command of this transaction) and
     * answers a free order number for the new order; the ids and the number are then taken.
     */
    static String requireNew(WriteContext ctx, String orderId, List<String> ticketIds, List<String> paymentIds) {
        List<String> ids = new ArrayList<>();
        ids.add("order " + orderId);
        ticketIds.forEach(id -> ids.add("ticket " + id));
        paymentIds.forEach(id -> ids.add("payment " + id));
        NewIds known = ctx.remember(KEY, () -> new NewIds(Set.of(), Set.of(), new ArrayDeque<>()));
        String number;
        if (known.asked.containsAll(ids)) {
            for (String id : ids) {
                if (known.used.contains(id) || ctx.claimed(id)) {
                    throw new ApiException(ErrorCode.DUPLICATE_ID, "The " + id + " exists already.");
                }
            }
            number = known.freeNumber(ctx);
        } else {
            number = SalesService.requireNewIdsAndNumber(ctx.session(), orderId, ticketIds, paymentIds);
        }
        ids.add("number " + number);
        ctx.claim(ids);
        return number;
    }

    private String freeNumber(WriteContext ctx) {
        while (!freeNumbers.isEmpty()) {
            String number = freeNumbers.poll();
            if (!ctx.claimed("number " + number)) {
                return number;
            }
        }
        return SalesService.uniqueNumber(ctx.session());
    }

    private static void addPayments(List<Commands.PaymentLine> lines, List<String> into) {
        if (lines != null) {
            lines.stream().filter(l -> l != null && l.paymentId() != null).forEach(l -> into.add(l.paymentId().toString()));
        }
    }
}
