package com.admitone.server.sales;

import com.admitone.model.order.OrderNumber;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.problem.ErrorCode;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.sync.Command;
import com.admitone.model.sync.Commands;
import com.admitone.model.ticket.TicketToken;
import com.admitone.server.http.ApiException;
import com.admitone.server.inventory.InventoryService;
import com.admitone.server.inventory.SeatHold;
import com.admitone.server.keys.TicketSigner;
import com.admitone.server.programme.Performance;
import com.admitone.server.programme.ReferenceData;
import com.admitone.server.storage.Sql;
import com.admitone.server.sync.WriteContext;
import org.hibernate.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Sales and refunds: turns held or free seats into an order with signed tickets and payments, and
 * refunds tickets back to sale. Prices are checked against the performance's price list and
 * payments against the total, so no device can sell at its own price.
 */
public final class SalesService {
    /** Tickets admit from this long before the start ... */
    static final Duration VALID_BEFORE_START = Duration.ofHours(2);
    /** ... until this long after the end. */
    static final Duration VALID_AFTER_END = Duration.ofHours(1);
    static final int MAX_LINES = 200;
    /** No single payment or cash tendered is larger; far above any box-office sale, and 20 of them cannot overflow a long. */
    static final long MAX_PAYMENT_MINOR = 1_000_000_000_000L;

    private final InventoryService inventory;
    private final TicketSigner signer;
    private final ReferenceData reference;
    private final Map<Long, Validity> validities = new java.util.concurrent.ConcurrentHashMap<>();
    private final TakenSeats takenSeats = new TakenSeats();

    public SalesService(InventoryService inventory, TicketSigner signer, ReferenceData reference) {
        this.inventory = inventory;
        this.signer = signer;
        this.reference = reference;
    }

    /**
     * Sells seats and places at the counter. Every refusal comes before the first {@code persist}:
     * the command applier flushes a group's sales together and does not clear the session when one
     * is refused ({@code CommandService.deferrable}).
     */
    public Map<String, Object> sell(WriteContext ctx, Commands.SellSeats command, Instant deviceTime) {
        Session session = ctx.session();
        if (command.orderId() == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "orderId is required.");
        }
        if (command.lines().isEmpty() || command.lines().size() > MAX_LINES) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "An order has 1 to " + MAX_LINES + " tickets.");
        }
        Performance performance = InventoryService.onSale(ctx, command.performanceId());
        ReferenceData.VenueFacts venue = reference.venue(session, performance.venueId());
        String orderId = command.orderId().toString();
        SeatHold hold = null;
        if (command.holdId() != null) {
            hold = inventory.requireOwnHold(ctx, command.holdId().toString());
            if (hold.performanceId() != performance.id()) {
                throw new ApiException(ErrorCode.SEAT_NOT_HELD, "The hold is for another performance.");
            }
            if (!hold.isLive(ctx.now())) {
                throw new ApiException(ErrorCode.HOLD_EXPIRED, "The hold expired at " + hold.expires() + ".");
            }
        }

        Map<Long, String> zoneBySeat = reference.seatZones(session, performance.venueId());
        Map<Long, String> zoneByArea = reference.areaZones(session, performance.venueId());
        Map<String, Long> prices = reference.prices(session, performance.id());
        List<Long> seatIds = new ArrayList<>();
        Map<Long, Integer> places = new HashMap<>();
        Set<UUID> ticketIds = new HashSet<>();
        long total = 0;
        for (Commands.SaleLine line : command.lines()) {
            if (line == null || line.ticketId() == null || line.priceType() == null) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Every line needs a ticketId and a priceType.");
            }
            if (!ticketIds.add(line.ticketId())) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Ticket " + line.ticketId() + " is named twice.");
            }
            if ((line.seatId() == null) == (line.areaId() == null)) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "A line is for exactly one seat or one area.");
            }
            String zone = line.seatId() != null ? zoneBySeat.get(line.seatId()) : zoneByArea.get(line.areaId());
            if (zone == null) {
                throw line.seatId() != null
                        ? new ApiException(ErrorCode.UNKNOWN_SEAT, "Seat " + line.seatId() + " is not part of this performance's venue.")
                        : new ApiException(ErrorCode.UNKNOWN_AREA, "Area " + line.areaId() + " is not part of this performance's venue.");
            }
            Long listed = prices.get(zone + ":" + line.priceType().name());
            if (listed == null) {
                throw new ApiException(ErrorCode.PRICE_MISMATCH, line.priceType().label() + " tickets are not on the price list for zone " + zone + ".");
            }
            if (line.priceMinor() != listed) {
                throw new ApiException(ErrorCode.PRICE_MISMATCH, "The price of a " + line.priceType().label() + " ticket in zone "
                        + zone + " is " + listed + ", not " + line.priceMinor() + ".",
                        Map.of("ticketId", line.ticketId().toString(), "listedMinor", listed));
            }
            checkDiscount(line.discountMinor(), line.priceMinor(), line.discountReason());
            total = Math.addExact(total, line.priceMinor() - line.discountMinor());
            if (line.seatId() != null) {
                if (seatIds.contains(line.seatId())) {
                    throw new ApiException(ErrorCode.VALIDATION_FAILED, "Seat " + line.seatId() + " is sold twice in one order.");
                }
                seatIds.add(line.seatId());
            } else {
                places.merge(line.areaId(), 1, Integer::sum);
            }
        }
        checkDiscount(command.orderDiscountMinor(), total, command.orderDiscountReason());
        total -= command.orderDiscountMinor();
        long paid = checkPayments(command.payments());
        if (paid != total) {
            throw new ApiException(ErrorCode.PAYMENT_MISMATCH, "The payments add up to " + paid + " but the order total is " + total + ".",
                    Map.of("totalMinor", total, "paidMinor", paid));
        }
        requireDistinctPaymentIds(command.payments());
        String number = NewIds.requireNew(ctx, orderId, ticketIds.stream().map(UUID::toString).toList(),
                paymentIds(command.payments()));

        try {
            inventory.sellSeats(ctx, performance.id(), hold, new TreeSet<>(seatIds), orderId);
        } catch (ApiException refused) {
            if (refused.code() == ErrorCode.SEAT_TAKEN && refused.details().get("seatIds") instanceof List<?> taken) {
                takenSeats.taken(performance.id(), taken.stream().filter(Long.class::isInstance).map(Long.class::cast).toList());
            }
            throw refused;
        }
        takenSeats.taken(performance.id(), seatIds);
        inventory.sellPlaces(ctx, performance.id(), hold, places);
        if (hold != null) {
            inventory.closeSoldHold(ctx, hold);
        }

        CustomerOrder order = new CustomerOrder(orderId, number, performance.id(), venue.currency(),
                ctx.principal().userId(), ctx.principal().deviceId(), ctx.now());
        order.totalMinor = total;
        order.discountMinor = command.orderDiscountMinor();
        order.discountReason = blankToNull(command.orderDiscountReason());
        order.deviceTime = deviceTime;
        if (command.customer() != null) {
            order.customerName = limit(command.customer().name(), 120);
            order.customerEmail = limit(command.customer().email(), 200);
            order.customerPhone = limit(command.customer().phone(), 40);
        }
        session.persist(order);

        Validity validity = new Validity(performance.startsAt().minus(VALID_BEFORE_START),
                performance.startsAt().plus(Duration.ofMinutes(reference.durationMinutes(session, performance.eventId())))
                        .plus(VALID_AFTER_END));
        validities.put(performance.id(), validity);
        List<Map<String, Object>> issued = new ArrayList<>();
        for (Commands.SaleLine line : command.lines()) {
            TicketToken token = validity.token(signer.keyId(), performance.id(), line);
            Ticket ticket = new Ticket(line.ticketId().toString(), orderId, performance.id(), line.seatId(), line.areaId(),
                    line.priceType().name(), line.priceMinor(), line.discountMinor(), blankToNull(line.discountReason()),
                    signer.sign(token), signer.keyId(), ctx.now());
            session.persist(ticket);
            ctx.changed(ChangeEntity.TICKET, ticket.id, ticket.feedData());
            issued.add(ticket.feedData());
        }
        for (Commands.PaymentLine line : command.payments()) {
            Payment payment = new Payment(line.paymentId() == null ? UUID.randomUUID().toString() : line.paymentId().toString(),
                    orderId, Payment.PAYMENT, line.method().name(), line.amountMinor(), line.tenderedMinor(),
                    limit(line.reference(), 120), null, ctx.principal().userId(), ctx.principal().deviceId(), ctx.now());
            session.persist(payment);
            ctx.changed(ChangeEntity.PAYMENT, payment.id, payment.feedData());
        }
        ctx.changed(ChangeEntity.ORDER, order.id, order.feedData());
        ctx.audit("sell", ChangeEntity.ORDER, order.id, Map.of("number", order.number, "performanceId", performance.id(),
                "seatIds", seatIds, "places", places, "totalMinor", total));

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id);
        data.put("orderNumber", order.number);
        data.put("totalMinor", total);
        data.put("currency", order.currency);
        data.put("changeDueMinor", changeDue(command.payments()));
        data.put("tickets", issued);
        return data;
    }

    /** Checks up front the ids the group's sales bring ({@link NewIds}): one query instead of one per sale. */
    public void prefetchIds(WriteContext ctx, List<Command> commands) {
        NewIds.prefetch(ctx, commands);
    }

    /** When a performance's tickets admit; the window every ticket of it carries. */
    private record Validity(Instant from, Instant until) {
        TicketToken token(String keyId, long performanceId, Commands.SaleLine line) {
            return new TicketToken(keyId, line.ticketId(), performanceId, line.seatId(), line.areaId(), line.priceType(), from, until, 1);
        }
    }

    /**
     * Signs a sale's tickets before the sale reaches the command applier, on the request's own
     * thread (see {@link TicketSigner#presign}). Uses the validity window the last sale of the
     * performance had; {@link #sell} signs afresh whatever does not match. Never throws: a
     * command that is malformed is refused by {@link #sell}, not here.
     */
    public void presign(Commands.SellSeats command) {
        Validity validity = command == null || command.performanceId() == null ? null : validities.get(command.performanceId());
        if (validity == null || command.lines() == null || command.lines().size() > MAX_LINES) {
            return;
        }
        for (Commands.SaleLine line : command.lines()) {
            if (line != null && line.seatId() != null && takenSeats.lately(command.performanceId(), line.seatId())) {
                return; // most likely refused (all seats or none); if not, sell signs in the transaction
            }
        }
        for (Commands.SaleLine line : command.lines()) {
            if (line != null && line.ticketId() != null && line.priceType() != null && (line.seatId() == null) != (line.areaId() == null)) {
                signer.presign(validity.token(signer.keyId(), command.performanceId(), line));
            }
        }
    }

    /** Forgets the signatures {@link #presign} made for a sale that was not applied. */
    public void discardPresigned(Commands.SellSeats command) {
        if (command == null || command.lines() == null) {
            return;
        }
        command.lines().stream().filter(line -> line != null && line.ticketId() != null)
                .forEach(line -> signer.discardPresigned(line.ticketId()));
    }

    public Map<String, Object> refund(WriteContext ctx, Commands.RefundTickets command) {
        Session session = ctx.session();
        if (command.orderId() == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "orderId is required.");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new ApiException(ErrorCode.REASON_REQUIRED, "A refund needs a reason.");
        }
        if (command.reason().length() > 200) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A reason has at most 200 characters.");
        }
        CustomerOrder order = session.find(CustomerOrder.class, command.orderId().toString());
        if (order == null) {
            throw new ApiException(ErrorCode.UNKNOWN_ORDER, "There is no order " + command.orderId() + ".");
        }
        List<Ticket> tickets = session.createSelectionQuery("from Ticket where orderId = :order order by id", Ticket.class)
                .setParameter("order", order.id).getResultList();
        List<Ticket> chosen = new ArrayList<>();
        if (command.ticketIds().isEmpty()) {
            tickets.stream().filter(t -> Ticket.VALID.equals(t.status)).forEach(chosen::add);
        } else {
            Set<String> wanted = new HashSet<>();
            for (UUID id : command.ticketIds()) {
                if (id == null || !wanted.add(id.toString())) {
                    throw new ApiException(ErrorCode.VALIDATION_FAILED, "Each ticket is named once.");
                }
            }
            for (String id : wanted) {
                Ticket ticket = tickets.stream().filter(t -> t.id.equals(id)).findFirst()
                        .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_TICKET, "Ticket " + id + " is not part of order " + order.number + "."));
                chosen.add(ticket);
            }
        }
        if (chosen.isEmpty()) {
            throw new ApiException(ErrorCode.TICKET_NOT_VALID, "Every ticket of order " + order.number + " is refunded already.");
        }
        for (Ticket ticket : chosen) {
            if (!Ticket.VALID.equals(ticket.status)) {
                throw new ApiException(ErrorCode.TICKET_NOT_VALID, "Ticket " + ticket.id + " is " + ticket.status.toLowerCase() + " already.");
            }
        }
        List<Payment> payments = session.createSelectionQuery("from Payment where orderId = :order order by created", Payment.class)
                .setParameter("order", order.id).getResultList();
        long paidIn = payments.stream().filter(p -> Payment.PAYMENT.equals(p.kind)).mapToLong(p -> p.amountMinor).sum();
        long paidOut = payments.stream().filter(p -> Payment.REFUND.equals(p.kind)).mapToLong(p -> p.amountMinor).sum();
        long value = chosen.stream().mapToLong(Ticket::netMinor).sum();
        boolean lastTickets = chosen.size() == tickets.stream().filter(t -> Ticket.VALID.equals(t.status)).count();
        // The order discount comes off the last refund, so a whole order never pays back more than it took.
        long due = com.admitone.model.order.ExchangeCredit.of(paidIn, paidOut, value, lastTickets);
        List<Commands.PaymentLine> payouts = command.payouts();
        if (payouts.isEmpty() && due > 0) {
            String method = payments.stream().filter(p -> Payment.PAYMENT.equals(p.kind) && !PaymentMethod.EXCHANGE.name().equals(p.method))
                    .map(p -> p.method).findFirst()
                    .orElse(PaymentMethod.CASH.name());
            payouts = List.of(new Commands.PaymentLine(command.refundId(), PaymentMethod.valueOf(method), due, null, null));
        }
        long payingOut = checkPayments(payouts);
        requireDistinctPaymentIds(payouts);
        NewIds.requireNewPayments(ctx, paymentIds(payouts));
        if (payingOut > paidIn - paidOut) {
            throw new ApiException(ErrorCode.REFUND_EXCEEDS_PAID, "Only " + (paidIn - paidOut) + " is left to refund on this order.",
                    Map.of("refundableMinor", paidIn - paidOut));
        }
        String approvedBy = RefundApprovals.require(ctx, order.performanceId, command.refundId(), payingOut);

        List<Long> seatIds = new ArrayList<>();
        Map<Long, Integer> places = new HashMap<>();
        for (Ticket ticket : chosen) {
            ticket.status = Ticket.REFUNDED;
            ticket.revoked = ctx.now();
            if (ticket.seatId != null) {
                seatIds.add(ticket.seatId);
            } else {
                places.merge(ticket.areaId, 1, Integer::sum);
            }
            ctx.changed(ChangeEntity.TICKET, ticket.id, ticket.feedData());
        }
        inventory.returnSeats(ctx, order.performanceId, order.id, new TreeSet<>(seatIds));
        inventory.returnPlaces(ctx, order.performanceId, places);
        String reason = command.reason().strip();
        for (Commands.PaymentLine line : payouts) {
            Payment payout = new Payment(line.paymentId() == null ? UUID.randomUUID().toString() : line.paymentId().toString(),
                    order.id, Payment.REFUND, line.method().name(), line.amountMinor(), null, limit(line.reference(), 120),
                    reason, ctx.principal().userId(), ctx.principal().deviceId(), ctx.now());
            session.persist(payout);
            ctx.changed(ChangeEntity.PAYMENT, payout.id, payout.feedData());
        }
        boolean allRefunded = tickets.stream().allMatch(t -> Ticket.REFUNDED.equals(t.status));
        order.status = allRefunded ? CustomerOrder.REFUNDED : CustomerOrder.PART_REFUNDED;
        ctx.changed(ChangeEntity.ORDER, order.id, order.feedData());
        List<String> refundedIds = chosen.stream().map(t -> t.id).toList();
        ctx.audit("refund", ChangeEntity.ORDER, order.id, approvedBy == null
                ? Map.of("tickets", refundedIds, "refundedMinor", payingOut, "reason", reason)
                : Map.of("tickets", refundedIds, "refundedMinor", payingOut, "reason", reason, "approvedBy", approvedBy));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id);
        data.put("orderNumber", order.number);
        data.put("refundedTicketIds", refundedIds);
        data.put("refundedMinor", payingOut);
        data.put("orderStatus", order.status);
        return data;
    }




    /** Exchanges tickets for other seats; see {@link TicketExchange}. */
    public Map<String, Object> exchange(WriteContext ctx, Commands.ExchangeTickets command, Instant deviceTime) {
        return new TicketExchange(inventory, signer, reference).apply(ctx, command, deviceTime);
    }

    static void checkDiscount(long discount, long of, String reason) {
        if (discount < 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A discount cannot be negative.");
        }
        if (discount > of) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A discount cannot be more than the price.");
        }
        if (discount > 0 && (reason == null || reason.isBlank())) {
            throw new ApiException(ErrorCode.REASON_REQUIRED, "A discount needs a reason.");
        }
        if (reason != null && reason.length() > 200) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A reason has at most 200 characters.");
        }
    }

    /** Validates payment lines and returns their sum. */
    static long checkPayments(List<Commands.PaymentLine> payments) {
        if (payments.size() > 20) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "At most 20 payments per order.");
        }
        long sum = 0;
        for (Commands.PaymentLine payment : payments) {
            if (payment == null || payment.method() == null) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Every payment needs a method.");
            }
            if (payment.method() == PaymentMethod.EXCHANGE) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Exchange credit is recorded by the server, not paid with.");
            }
            if (payment.amountMinor() <= 0) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "A payment amount must be positive.");
            }
            if (payment.amountMinor() > MAX_PAYMENT_MINOR || (payment.tenderedMinor() != null && payment.tenderedMinor() > MAX_PAYMENT_MINOR)) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "A payment is at most " + MAX_PAYMENT_MINOR + " minor units.");
            }
            if (payment.tenderedMinor() != null && (payment.method() != PaymentMethod.CASH || payment.tenderedMinor() < payment.amountMinor())) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Cash tendered must cover the cash amount.");
            }
            if (payment.reference() != null && payment.reference().length() > 120) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "A payment reference has at most 120 characters.");
            }
            sum = Math.addExact(sum, payment.amountMinor());
        }
        return sum;
    }

    static List<String> paymentIds(List<Commands.PaymentLine> lines) {
        return lines.stream().filter(l -> l.paymentId() != null).map(l -> l.paymentId().toString()).toList();
    }

    /**
     * Ids of orders, tickets and payments come from the device: one used before is refused, in one
     * round trip for all of them, before anything is written.
     */
    static void requireNewIds(Session session, String orderId, List<String> ticketIds, List<String> paymentIds) {
        checkIds(session, orderId, ticketIds, paymentIds, null);
    }

    /**
     * As {@link #requireNewIds} for a new order, and answers the order number it will get: a
     * random one checked in the same round trip (another is drawn in the rare case it is taken).
     * Sales in a group of commands go through {@link NewIds}, which checks the whole group at once.
     */
    static String requireNewIdsAndNumber(Session session, String orderId, List<String> ticketIds, List<String> paymentIds) {
        String number = OrderNumber.next();
        return checkIds(session, orderId, ticketIds, paymentIds, number) ? number : uniqueNumber(session);
    }

    /** Refuses ids used before; answers whether {@code number} (if given) is still free. */
    private static boolean checkIds(Session session, String orderId, List<String> ticketIds, List<String> paymentIds,
                                    String number) {
        List<String> ids = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT 'order ' || id FROM customer_order WHERE id = ?");
        ids.add(orderId == null ? "" : orderId);
        if (!ticketIds.isEmpty()) {
            sql.append(" UNION ALL SELECT 'ticket ' || id FROM ticket WHERE id IN (").append(marks(ticketIds.size())).append(')');
            ids.addAll(ticketIds);
        }
        if (!paymentIds.isEmpty()) {
            sql.append(" UNION ALL SELECT 'payment ' || id FROM payment WHERE id IN (").append(marks(paymentIds.size())).append(')');
            ids.addAll(paymentIds);
        }
        if (number != null) {
            sql.append(" UNION ALL SELECT '' FROM customer_order WHERE order_number = ?");
            ids.add(number);
        }
        List<String> found = Sql.select(session, sql.toString(), ids, row -> row.getString(1));
        for (String used : found) {
            if (!used.isEmpty()) {
                throw new ApiException(ErrorCode.DUPLICATE_ID, "The " + used + " exists already.");
            }
        }
        return found.isEmpty();
    }

    private static String marks(int count) {
        return "?" + ",?".repeat(count - 1);
    }

    /** A payment id named twice in one command. */
    static void requireDistinctPaymentIds(List<Commands.PaymentLine> lines) {
        Set<String> ids = new HashSet<>();
        for (Commands.PaymentLine line : lines) {
            if (line.paymentId() != null && !ids.add(line.paymentId().toString())) {
                throw new ApiException(ErrorCode.DUPLICATE_ID, "Payment " + line.paymentId() + " is named twice.");
            }
        }
    }

    static long changeDue(List<Commands.PaymentLine> payments) {
        return payments.stream().filter(p -> p.tenderedMinor() != null).mapToLong(p -> p.tenderedMinor() - p.amountMinor()).sum();
    }

    static String uniqueNumber(Session session) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String number = OrderNumber.next();
            boolean clash = !Sql.query(session, "SELECT 1 FROM customer_order WHERE order_number IN (?*)", List.of(number),
                    row -> Boolean.TRUE).isEmpty();
            if (!clash) {
                return number;
            }
        }
        throw new IllegalStateException("no free order number after 20 tries");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String limit(String s, int max) {
        String value = blankToNull(s);
        if (value != null && value.length() > max) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A text field has at most " + max + " characters.");
        }
        return value;
    }
}
