package com.admitone.client.sales;

import com.admitone.model.order.ExchangeCredit;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.Commands;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What an exchange at the counter comes to, before it is sent: what the tickets given back are worth
 * (the server's own rule, {@link ExchangeCredit}), what the new tickets cost, and the difference to
 * collect or pay back. Also what a refund of the same tickets would pay out. No JavaFX here.
 *
 * @param creditMinor   the old tickets' worth
 * @param newTotalMinor the new tickets' price
 */
public record ExchangeQuote(long creditMinor, long newTotalMinor) {

    /** A new ticket: a seat with its price type and the listed price for its zone. */
    public record NewTicket(long seatId, String label, String zone, PriceType priceType, long priceMinor) {
    }

    public static ExchangeQuote of(Counter.OrderDetail order, Collection<String> ticketIds, List<NewTicket> tickets) {
        return new ExchangeQuote(worth(order, ticketIds), tickets.stream().mapToLong(NewTicket::priceMinor).sum());
    }

    /** What the tickets are worth if given back now: a refund pays this, an exchange credits it. */
    public static long worth(Counter.OrderDetail order, Collection<String> ticketIds) {
        long paidIn = order.payments().stream().filter(p -> "PAYMENT".equals(p.kind())).mapToLong(Counter.PaymentRow::amountMinor).sum();
        long paidOut = order.payments().stream().filter(p -> "REFUND".equals(p.kind())).mapToLong(Counter.PaymentRow::amountMinor).sum();
        long value = order.tickets().stream().filter(t -> ticketIds.contains(t.id()))
                .mapToLong(t -> t.priceMinor() - t.discountMinor()).sum();
        long valid = order.tickets().stream().filter(Counter.TicketRow::valid).count();
        return ExchangeCredit.of(paidIn, paidOut, value, ticketIds.size() == valid);
    }

    /** Positive: the customer pays this; negative: the customer gets this back. */
    public long differenceMinor() {
        return newTotalMinor - creditMinor;
    }

    public long payoutMinor() {
        return Math.max(0, -differenceMinor());
    }

    /**
     * The command for this exchange. The difference is settled with {@code method}: collected (with
     * {@code tenderedMinor} for cash) or paid back.
     */
    public Commands.ExchangeTickets command(UUID exchangeId, String orderId, Collection<String> ticketIds, UUID newOrderId,
                                            long performanceId, UUID holdId, List<NewTicket> tickets, PaymentMethod method,
                                            Long tenderedMinor, String reference, String reason) {
        List<Commands.SaleLine> lines = tickets.stream().map(t -> new Commands.SaleLine(UUID.randomUUID(), t.seatId(), null,
                t.priceType(), t.priceMinor(), 0, null)).toList();
        long difference = differenceMinor();
        List<Commands.PaymentLine> payments = difference > 0
                ? List.of(new Commands.PaymentLine(UUID.randomUUID(), method, difference, blank(reference),
                method == PaymentMethod.CASH ? tenderedMinor : null))
                : List.of();
        List<Commands.PaymentLine> payouts = difference < 0
                ? List.of(new Commands.PaymentLine(UUID.randomUUID(), method, -difference, blank(reference), null))
                : List.of();
        return new Commands.ExchangeTickets(exchangeId, UUID.fromString(orderId), ticketIds.stream().map(UUID::fromString).toList(),
                newOrderId, performanceId, holdId, lines, payments, payouts, reason == null ? null : reason.strip());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
