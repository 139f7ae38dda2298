package com.admitone.client.store.replica;

import com.admitone.model.inventory.SeatState;
import com.admitone.model.sync.Command;
import com.admitone.model.sync.Commands;
import org.hibernate.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What a command does to the replica before the server has answered: the seats a sale takes show
 * as sold, its order and tickets exist, marked with the command's key. When the server settles the
 * command the marks are lifted (the feed has brought the server's version by then); when it rejects
 * it they are undone.
 */
public final class ProvisionalEffects {
    private ProvisionalEffects() {
    }

    public static void apply(Session session, UUID key, Command command, String deviceId, String userId, Instant now) {
        String mark = key.toString();
        if (command instanceof Commands.SellSeats sell) {
            sell(session, mark, sell, deviceId, userId, now);
        } else if (command instanceof Commands.SellOffline offline) {
            sellOffline(session, mark, offline, deviceId, userId, now);
        } else if (command instanceof Commands.ResolveConflict resolve) {
            SaleConflict conflict = session.find(SaleConflict.class, resolve.conflictId().toString());
            if (conflict != null) {
                conflict.pendingKey = mark;
            }
        } else if (command instanceof Commands.HoldSeats hold) {
            mark(session, mark, hold.performanceId(), hold.seatIds(), SeatState.HELD);
        } else if (command instanceof Commands.ReleaseHold release) {
            SeatHold hold = session.find(SeatHold.class, release.holdId().toString());
            if (hold != null) {
                mark(session, mark, hold.performanceId, release.seatIds(), SeatState.FREE);
            }
        } else if (command instanceof Commands.BlockSeats block) {
            mark(session, mark, block.performanceId(), block.seatIds(), SeatState.BLOCKED);
        } else if (command instanceof Commands.UnblockSeats unblock) {
            mark(session, mark, unblock.performanceId(), unblock.seatIds(), SeatState.FREE);
        } else if (command instanceof Commands.RefundTickets refund) {
            refund(session, mark, refund);
        }
    }

    private static void sell(Session session, String mark, Commands.SellSeats sell, String deviceId, String userId, Instant now) {
        sale(session, mark, sell, java.util.Map.of(), null, deviceId, userId, now);
    }

    /**
     * An offline sale shows like any unconfirmed sale, but its tickets carry the device-signed
     * tokens (so they print and scan at once) and the order says whether it is guaranteed.
     */
    private static void sellOffline(Session session, String mark, Commands.SellOffline offline, String deviceId, String userId,
                                    Instant now) {
        java.util.Map<java.util.UUID, String> tokens = new java.util.HashMap<>();
        for (Commands.OfflineLine line : offline.lines()) {
            tokens.put(line.line().ticketId(), line.token());
        }
        Commands.SellSeats asSale = new Commands.SellSeats(offline.orderId(), offline.performanceId(), null,
                offline.lines().stream().map(Commands.OfflineLine::line).toList(), offline.payments(), offline.customer(),
                offline.orderDiscountMinor(), offline.orderDiscountReason());
        sale(session, mark, asSale, tokens, offline.allotmentId() != null ? "GUARANTEED" : "PROVISIONAL", deviceId, userId, now);
    }

    private static void sale(Session session, String mark, Commands.SellSeats sell, java.util.Map<java.util.UUID, String> tokens,
                             String offlineOutcome, String deviceId, String userId, Instant now) {
        long performanceId = sell.performanceId();
        List<Long> seats = new ArrayList<>();
        long total = -sell.orderDiscountMinor();
        for (Commands.SaleLine line : sell.lines()) {
            total += line.priceMinor() - line.discountMinor();
            if (line.seatId() != null) {
                seats.add(line.seatId());
            } else if (line.areaId() != null) {
                AreaStatus area = session.find(AreaStatus.class, new PerformanceItemKey(performanceId, line.areaId()));
                if (area != null) {
                    area.provisionalSold++;
                }
            }
        }
        mark(session, mark, performanceId, seats, SeatState.SOLD);

        Performance performance = session.find(Performance.class, performanceId);
        Venue venue = performance == null ? null : session.find(Venue.class, performance.venueId);
        CustomerOrder order = new CustomerOrder(sell.orderId().toString());
        order.performanceId = performanceId;
        order.status = "PROVISIONAL";
        order.currency = venue == null ? "XXX" : venue.currency;
        order.totalMinor = total;
        order.discountMinor = sell.orderDiscountMinor();
        order.discountReason = sell.orderDiscountReason();
        if (sell.customer() != null) {
            order.customerName = sell.customer().name();
            order.customerEmail = sell.customer().email();
            order.customerPhone = sell.customer().phone();
        }
        order.userId = userId;
        order.deviceId = deviceId;
        order.created = now;
        order.pendingKey = mark;
        order.offlineOutcome = offlineOutcome;
        session.persist(order);
        for (Commands.SaleLine line : sell.lines()) {
            Ticket ticket = new Ticket(line.ticketId().toString());
            ticket.orderId = order.id;
            ticket.performanceId = performanceId;
            ticket.seatId = line.seatId();
            ticket.areaId = line.areaId();
            ticket.priceType = line.priceType() == null ? null : line.priceType().name();
            ticket.priceMinor = line.priceMinor();
            ticket.discountMinor = line.discountMinor();
            ticket.discountReason = line.discountReason();
            ticket.status = "PROVISIONAL";
            ticket.token = tokens.get(line.ticketId());
            if (ticket.token != null) {
                try {
                    ticket.keyId = com.admitone.model.ticket.TicketTokenCodec.decode(ticket.token).token().keyId();
                } catch (com.admitone.model.ticket.MalformedTokenException e) {
                    throw new IllegalArgumentException("an offline ticket's token is damaged", e);
                }
            }
            ticket.issued = now;
            ticket.pendingKey = mark;
            session.persist(ticket);
        }
        for (Commands.PaymentLine line : sell.payments()) {
            Payment payment = new Payment(line.paymentId().toString());
            payment.orderId = order.id;
            payment.kind = "PAYMENT";
            payment.method = line.method().name();
            payment.amountMinor = line.amountMinor();
            payment.tenderedMinor = line.tenderedMinor();
            payment.reference = line.reference();
            payment.userId = userId;
            payment.deviceId = deviceId;
            payment.created = now;
            payment.pendingKey = mark;
            session.persist(payment);
        }
    }

    private static void refund(Session session, String mark, Commands.RefundTickets refund) {
        List<Ticket> tickets = session.createSelectionQuery("from Ticket where orderId = :order", Ticket.class)
                .setParameter("order", refund.orderId().toString()).getResultList();
        List<String> wanted = refund.ticketIds().stream().map(UUID::toString).toList();
        for (Ticket ticket : tickets) {
            if (!wanted.isEmpty() && !wanted.contains(ticket.id) || "REFUNDED".equals(ticket.status())) {
                continue;
            }
            if (ticket.seatId != null) {
                mark(session, mark, ticket.performanceId, List.of(ticket.seatId), SeatState.FREE);
            }
            // Revoked here at once, so this device's gate rejects it before the server has the refund.
            ticket.provisionalStatus = "REFUNDED";
            ticket.provisionalKey = mark;
        }
    }

    private static void mark(Session session, String mark, Long performanceId, Collection<Long> seatIds, SeatState state) {
        if (performanceId == null) {
            return;
        }
        for (Long seatId : seatIds) {
            PerformanceItemKey key = new PerformanceItemKey(performanceId, seatId);
            SeatStatus row = session.find(SeatStatus.class, key);
            if (row == null) {
                row = new SeatStatus(key);
                session.persist(row);
            }
            row.provisionalState = state.name();
            row.provisionalKey = mark;
        }
    }

    /**
     * Lifts the marks of a command: after the server applied it and the feed brought its outcome,
     * or after the server rejected it. Rows that exist only as this command's provisional sale go.
     */
    public static void lift(Session session, UUID key, Command command) {
        String mark = key.toString();
        List<SeatStatus> seats = session.createSelectionQuery("from SeatStatus where provisionalKey = :k", SeatStatus.class)
                .setParameter("k", mark).getResultList();
        for (SeatStatus row : seats) {
            row.provisionalKey = null;
            row.provisionalState = null;
            if (SeatState.FREE.name().equals(row.state)) {
                session.remove(row);
            }
        }
        session.createMutationQuery("update Ticket set provisionalStatus = null, provisionalKey = null where provisionalKey = :k")
                .setParameter("k", mark).executeUpdate();
        session.createMutationQuery("update SaleConflict set pendingKey = null where pendingKey = :k")
                .setParameter("k", mark).executeUpdate();
        Commands.SellSeats sell = command instanceof Commands.SellSeats s ? s
                : command instanceof Commands.SellOffline o ? new Commands.SellSeats(o.orderId(), o.performanceId(), null,
                o.lines().stream().map(Commands.OfflineLine::line).toList(), List.of(), null, 0, null) : null;
        if (sell != null) {
            for (Commands.SaleLine line : sell.lines()) {
                if (line.seatId() == null && line.areaId() != null) {
                    AreaStatus area = session.find(AreaStatus.class, new PerformanceItemKey(sell.performanceId(), line.areaId()));
                    if (area != null && area.provisionalSold > 0) {
                        area.provisionalSold--;
                    }
                }
            }
        }
        for (Class<?> type : List.of(Payment.class, Ticket.class, CustomerOrder.class)) {
            session.createMutationQuery("delete from " + type.getSimpleName() + " where pendingKey = :k")
                    .setParameter("k", mark).executeUpdate();
        }
    }
}
