package com.admitone.client.offline;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.Outbox;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.store.replica.CustomerOrder;
import com.admitone.client.store.replica.Ticket;
import com.admitone.model.money.Money;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.sync.Commands;

import java.util.List;
import java.util.UUID;

/**
 * Cash refunds and cancellations while offline, up to this computer's limit (Settings). The
 * tickets are revoked in the replica at once, so this device's gate rejects them, and the
 * {@code RefundTickets} command waits in the outbox; the server revokes them everywhere at sync.
 * Above the limit nothing is written and staff are told that the network or a manager is needed.
 */
public final class OfflineRefunds {
    private final LocalStore store;
    private final Outbox outbox;
    private final OfflineSettings settings;

    public OfflineRefunds(LocalStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
        this.settings = new OfflineSettings(store);
    }

    /** Refunds the tickets (all still valid ones when {@code ticketIds} is empty) and pays the money back in cash. */
    public OutboxItem refund(UUID orderId, List<UUID> ticketIds, String reason, Outbox.Author author) {
        if (reason == null || reason.isBlank()) {
            throw new OfflineSales.RefusedException("Give a reason for the refund.");
        }
        long limit = settings.refundLimitMinor();
        return store.write(s -> {
            CustomerOrder order = s.find(CustomerOrder.class, orderId.toString());
            if (order == null) {
                throw new OfflineSales.RefusedException("This order is not on this computer.");
            }
            List<String> wanted = ticketIds.stream().map(UUID::toString).toList();
            long amount = 0;
            int count = 0;
            for (Ticket t : s.createSelectionQuery("from Ticket where orderId = :o", Ticket.class)
                    .setParameter("o", orderId.toString()).getResultList()) {
                boolean chosen = wanted.isEmpty() || wanted.contains(t.id());
                boolean revoked = com.admitone.model.gate.TicketStatus.fromWire(t.status()).revoked();
                if (chosen && !revoked) {
                    amount += t.priceMinor() - t.discountMinor();
                    count++;
                }
            }
            if (count == 0) {
                throw new OfflineSales.RefusedException("These tickets are refunded already.");
            }
            if (amount > limit) {
                String currency = order.currency();
                throw new OfflineSales.RefusedException(String.format(
                        "Offline, this computer may refund up to %s in cash; this refund is %s. Wait until the server can be "
                                + "reached, or ask a manager.", Money.of(limit, currency), Money.of(amount, currency)));
            }
            Commands.RefundTickets command = new Commands.RefundTickets(UUID.randomUUID(), orderId, ticketIds, reason.strip(),
                    List.of(new Commands.PaymentLine(UUID.randomUUID(), PaymentMethod.CASH, amount, null, null)));
            return outbox.record(s, command, author, null);
        });
    }
}
