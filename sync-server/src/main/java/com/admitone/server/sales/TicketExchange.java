package com.admitone.server.sales;

import com.admitone.model.order.ExchangeCredit;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.problem.ErrorCode;
import com.admitone.model.sync.ChangeEntity;
import com.admitone.model.sync.Commands;
import com.admitone.model.ticket.TicketToken;
import com.admitone.server.http.ApiException;
import com.admitone.server.inventory.InventoryService;
import com.admitone.server.inventory.SeatHold;
import com.admitone.server.keys.TicketSigner;
import com.admitone.server.programme.Performance;
import com.admitone.server.programme.ReferenceData;
import com.admitone.server.sync.WriteContext;
import org.hibernate.Session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An exchange ({@link Commands.ExchangeTickets}): tickets of one order given back for other seats of
 * the same or another performance, in one transaction. The old tickets become EXCHANGED (the gate
 * rejects them) and their seats free; the new seats are sold as a new order with freshly signed
 * tickets. The old tickets' worth moves across as an {@link PaymentMethod#EXCHANGE} credit (a refund
 * row on the old order, a payment row on the new one, each naming the other order), and the
 * difference is collected or paid out. Anything refused leaves everything as it was.
 */
final class TicketExchange {
    private final InventoryService inventory;
    private final TicketSigner signer;
    private final ReferenceData reference;

    TicketExchange(InventoryService inventory, TicketSigner signer, ReferenceData reference) {
        this.inventory = inventory;
        this.signer = signer;
        this.reference = reference;
    }

    /** A checked new ticket with its zone's listed price. */
    private record NewLine(Commands.SaleLine line, long netMinor) {
    }

    Map<String, Object> apply(WriteContext ctx, Commands.ExchangeTickets command, Instant deviceTime) {
        Session session = ctx.session();
        if (command.exchangeId() == null || command.orderId() == null || command.newOrderId() == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "exchangeId, orderId and newOrderId are required.");
        }
        if (command.ticketIds().isEmpty() || command.lines().isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "An exchange gives back at least one ticket and takes at least one.");
        }
        if (command.ticketIds().size() > SalesService.MAX_LINES || command.lines().size() > SalesService.MAX_LINES) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "An exchange has 1 to " + SalesService.MAX_LINES + " tickets.");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new ApiException(ErrorCode.REASON_REQUIRED, "An exchange needs a reason.");
        }
        if (command.reason().length() > 200) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "A reason has at most 200 characters.");
        }
        String reason = command.reason().strip();

        // ---- what is given back
        CustomerOrder old = session.find(CustomerOrder.class, command.orderId().toString());
        if (old == null) {
            throw new ApiException(ErrorCode.UNKNOWN_ORDER, "There is no order " + command.orderId() + ".");
        }
        List<Ticket> tickets = session.createSelectionQuery("from Ticket where orderId = :order order by id", Ticket.class)
                .setParameter("order", old.id).getResultList();
        List<Ticket> givenBack = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (UUID id : command.ticketIds()) {
            if (id == null || !named.add(id.toString())) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Each ticket is named once.");
            }
            Ticket ticket = tickets.stream().filter(t -> t.id.equals(id.toString())).findFirst()
                    .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_TICKET, "Ticket " + id + " is not part of order " + old.number + "."));
            if (!Ticket.VALID.equals(ticket.status)) {
                throw new ApiException(ErrorCode.TICKET_NOT_VALID, "Ticket " + ticket.id + " is " + ticket.status.toLowerCase() + " already.");
            }
            givenBack.add(ticket);
        }
        List<Payment> oldPayments = session.createSelectionQuery("from Payment where orderId = :order order by created", Payment.class)
                .setParameter("order", old.id).getResultList();
        long paidIn = oldPayments.stream().filter(p -> Payment.PAYMENT.equals(p.kind)).mapToLong(p -> p.amountMinor).sum();
        long paidOut = oldPayments.stream().filter(p -> Payment.REFUND.equals(p.kind)).mapToLong(p -> p.amountMinor).sum();
        long validLeft = tickets.stream().filter(t -> Ticket.VALID.equals(t.status)).count();
        long credit = ExchangeCredit.of(paidIn, paidOut, givenBack.stream().mapToLong(Ticket::netMinor).sum(),
                givenBack.size() == validLeft);

        // ---- what is taken
        Performance performance = InventoryService.onSale(session, command.performanceId());
        ReferenceData.VenueFacts venue = reference.venue(session, performance.venueId());
        if (!venue.currency().equals(old.currency)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Tickets can only be exchanged for a performance sold in " + old.currency + ".");
        }
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
        List<NewLine> lines = priced(session, performance, command.lines());
        long newTotal = 0;
        List<Long> seatIds = new ArrayList<>();
        Map<Long, Integer> places = new HashMap<>();
        for (NewLine line : lines) {
            newTotal = Math.addExact(newTotal, line.netMinor());
            if (line.line().seatId() != null) {
                seatIds.add(line.line().seatId());
            } else {
                places.merge(line.line().areaId(), 1, Integer::sum);
            }
        }

        // ---- the difference
        long difference = newTotal - credit;
        long collected = SalesService.checkPayments(command.payments());
        List<Commands.PaymentLine> payouts = command.payouts();
        if (difference < 0 && payouts.isEmpty()) {
            String method = oldPayments.stream().filter(p -> Payment.PAYMENT.equals(p.kind) && !PaymentMethod.EXCHANGE.name().equals(p.method))
                    .map(p -> p.method).findFirst().orElse(PaymentMethod.CASH.name());
            payouts = List.of(new Commands.PaymentLine(derived(command.exchangeId(), "payout"), PaymentMethod.valueOf(method),
                    -difference, null, null));
        }
        long payingOut = SalesService.checkPayments(payouts);
        if (collected != Math.max(0, difference) || payingOut != Math.max(0, -difference)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("creditMinor", credit);
            details.put("newTotalMinor", newTotal);
            details.put("differenceMinor", difference);
            details.put("paidMinor", collected);
            details.put("paidOutMinor", payingOut);
            throw new ApiException(ErrorCode.PAYMENT_MISMATCH, difference >= 0
                    ? "The new tickets cost " + difference + " more than the old ones are worth; the payments add up to " + collected
                    + (payingOut > 0 ? " and nothing is to be paid out." : ".")
                    : "The old tickets are worth " + (-difference) + " more than the new ones cost; the pay-outs add up to " + payingOut
                    + (collected > 0 ? " and nothing is to be collected." : "."), details);
        }
        List<Commands.PaymentLine> moneyLines = new ArrayList<>(command.payments());
        moneyLines.addAll(payouts);
        SalesService.requireDistinctPaymentIds(moneyLines);
        long moved = Math.min(credit, newTotal);
        List<String> paymentIds = new ArrayList<>(SalesService.paymentIds(moneyLines));
        paymentIds.add(derived(command.exchangeId(), "credit-out").toString());
        paymentIds.add(derived(command.exchangeId(), "credit-in").toString());
        SalesService.requireNewIds(session, command.newOrderId().toString(),
                lines.stream().map(l -> l.line().ticketId().toString()).toList(), paymentIds);
        String approvedBy = RefundApprovals.require(ctx, old.performanceId, command.exchangeId(), payingOut);

        // ---- give back: revoke the old tickets first, so their seats can be taken again in this exchange
        Map<Long, TreeSet<Long>> freedSeats = new TreeMap<>();
        Map<Long, Map<Long, Integer>> freedPlaces = new TreeMap<>();
        for (Ticket ticket : givenBack) {
            ticket.status = Ticket.EXCHANGED;
            ticket.revoked = ctx.now();
            if (ticket.seatId != null) {
                freedSeats.computeIfAbsent(ticket.performanceId, p -> new TreeSet<>()).add(ticket.seatId);
            } else {
                freedPlaces.computeIfAbsent(ticket.performanceId, p -> new HashMap<>()).merge(ticket.areaId, 1, Integer::sum);
            }
            ctx.changed(ChangeEntity.TICKET, ticket.id, ticket.feedData());
        }
        freedSeats.forEach((performanceId, seats) -> inventory.returnSeats(ctx, performanceId, old.id, seats));
        freedPlaces.forEach((performanceId, quantities) -> inventory.returnPlaces(ctx, performanceId, quantities));

        // ---- take: the new seats, as a new order
        String newOrderId = command.newOrderId().toString();
        inventory.sellSeatsFromHoldOrFree(ctx, performance.id(), hold, seatIds, newOrderId);
        inventory.sellPlaces(ctx, performance.id(), hold, places);
        if (hold != null) {
            inventory.closeSoldHold(ctx, hold);
        }
        CustomerOrder order = new CustomerOrder(newOrderId, SalesService.uniqueNumber(session), performance.id(), old.currency,
                ctx.principal().userId(), ctx.principal().deviceId(), ctx.now());
        order.totalMinor = newTotal;
        order.deviceTime = deviceTime;
        order.customerName = old.customerName;
        order.customerEmail = old.customerEmail;
        order.customerPhone = old.customerPhone;
        session.persist(order);

        Instant validFrom = performance.startsAt().minus(SalesService.VALID_BEFORE_START);
        Instant validUntil = performance.startsAt().plus(Duration.ofMinutes(reference.durationMinutes(session, performance.eventId())))
                .plus(SalesService.VALID_AFTER_END);
        List<Map<String, Object>> issued = new ArrayList<>();
        for (NewLine priced : lines) {
            Commands.SaleLine line = priced.line();
            TicketToken token = new TicketToken(signer.keyId(), line.ticketId(), performance.id(), line.seatId(), line.areaId(),
                    line.priceType(), validFrom, validUntil, 1);
            Ticket ticket = new Ticket(line.ticketId().toString(), newOrderId, performance.id(), line.seatId(), line.areaId(),
                    line.priceType().name(), line.priceMinor(), line.discountMinor(), SalesService.blankToNull(line.discountReason()),
                    signer.sign(token), signer.keyId(), ctx.now());
            session.persist(ticket);
            ctx.changed(ChangeEntity.TICKET, ticket.id, ticket.feedData());
            issued.add(ticket.feedData());
        }

        // ---- the money: the credit moves across, the difference comes in or goes out
        if (moved > 0) {
            persist(ctx, new Payment(derived(command.exchangeId(), "credit-out").toString(), old.id, Payment.REFUND,
                    PaymentMethod.EXCHANGE.name(), moved, null, "order " + order.number, reason,
                    ctx.principal().userId(), ctx.principal().deviceId(), ctx.now()));
            persist(ctx, new Payment(derived(command.exchangeId(), "credit-in").toString(), order.id, Payment.PAYMENT,
                    PaymentMethod.EXCHANGE.name(), moved, null, "order " + old.number, null,
                    ctx.principal().userId(), ctx.principal().deviceId(), ctx.now()));
        }
        for (Commands.PaymentLine line : command.payments()) {
            persist(ctx, new Payment(line.paymentId() == null ? UUID.randomUUID().toString() : line.paymentId().toString(),
                    order.id, Payment.PAYMENT, line.method().name(), line.amountMinor(), line.tenderedMinor(),
                    SalesService.limit(line.reference(), 120), null, ctx.principal().userId(), ctx.principal().deviceId(), ctx.now()));
        }
        for (Commands.PaymentLine line : payouts) {
            persist(ctx, new Payment(line.paymentId() == null ? UUID.randomUUID().toString() : line.paymentId().toString(),
                    old.id, Payment.REFUND, line.method().name(), line.amountMinor(), null, SalesService.limit(line.reference(), 120),
                    reason, ctx.principal().userId(), ctx.principal().deviceId(), ctx.now()));
        }
        old.status = tickets.stream().anyMatch(t -> Ticket.VALID.equals(t.status)) ? CustomerOrder.PART_EXCHANGED : CustomerOrder.EXCHANGED;
        ctx.changed(ChangeEntity.ORDER, old.id, old.feedData());
        ctx.changed(ChangeEntity.ORDER, order.id, order.feedData());

        List<String> exchangedIds = givenBack.stream().map(t -> t.id).toList();
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("newOrderId", order.id);
        audit.put("newOrderNumber", order.number);
        audit.put("tickets", exchangedIds);
        audit.put("performanceId", performance.id());
        audit.put("seatIds", seatIds);
        audit.put("creditMinor", credit);
        audit.put("differenceMinor", difference);
        audit.put("reason", reason);
        if (approvedBy != null) {
            audit.put("approvedBy", approvedBy);
        }
        ctx.audit("exchange", ChangeEntity.ORDER, old.id, audit);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order.id);
        data.put("orderNumber", order.number);
        data.put("previousOrderId", old.id);
        data.put("previousOrderNumber", old.number);
        data.put("previousOrderStatus", old.status);
        data.put("exchangedTicketIds", exchangedIds);
        data.put("totalMinor", newTotal);
        data.put("creditMinor", credit);
        data.put("differenceMinor", difference);
        data.put("collectedMinor", collected);
        data.put("paidOutMinor", payingOut);
        data.put("changeDueMinor", SalesService.changeDue(command.payments()));
        data.put("currency", order.currency);
        if (approvedBy != null) {
            data.put("approvedBy", approvedBy);
        }
        data.put("tickets", issued);
        return data;
    }

    /** Checks each new line against the performance's price list, as a sale does. */
    private List<NewLine> priced(Session session, Performance performance, List<Commands.SaleLine> given) {
        Map<Long, String> zoneBySeat = reference.seatZones(session, performance.venueId());
        Map<Long, String> zoneByArea = reference.areaZones(session, performance.venueId());
        Map<String, Long> prices = reference.prices(session, performance.id());
        Set<UUID> ticketIds = new HashSet<>();
        Set<Long> seats = new HashSet<>();
        List<NewLine> lines = new ArrayList<>();
        for (Commands.SaleLine line : given) {
            if (line == null || line.ticketId() == null || line.priceType() == null) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Every line needs a ticketId and a priceType.");
            }
            if (!ticketIds.add(line.ticketId())) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Ticket " + line.ticketId() + " is named twice.");
            }
            if ((line.seatId() == null) == (line.areaId() == null)) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "A line is for exactly one seat or one area.");
            }
            if (line.seatId() != null && !seats.add(line.seatId())) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "Seat " + line.seatId() + " is named twice.");
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
            SalesService.checkDiscount(line.discountMinor(), line.priceMinor(), line.discountReason());
            lines.add(new NewLine(line, line.priceMinor() - line.discountMinor()));
        }
        return lines;
    }

    private static void persist(WriteContext ctx, Payment payment) {
        ctx.session().persist(payment);
        ctx.changed(ChangeEntity.PAYMENT, payment.id, payment.feedData());
    }

    /** Ids of the rows the server adds to an exchange, the same on every retry of the command. */
    private static UUID derived(UUID exchangeId, String what) {
        return UUID.nameUUIDFromBytes((exchangeId + ":" + what).getBytes(StandardCharsets.UTF_8));
    }
}
