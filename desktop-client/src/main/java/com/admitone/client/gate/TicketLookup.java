package com.admitone.client.gate;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.replica.CustomerOrder;
import com.admitone.client.store.replica.Ticket;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.order.OrderNumber;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gate's manual look-up, for a guest whose ticket will not scan (cracked phone, lost print):
 * finds the tickets of one performance by order number, or by the customer's name, email or phone,
 * in the local replica only, so it works offline. The gate then judges the ticket's own signed token
 * exactly as if it had been scanned. Blocking: call it off the JavaFX thread.
 */
public final class TicketLookup {
    /** Enough for one family or one school group; more means the query was too vague. */
    static final int MAX_MATCHES = 60;

    private final LocalStore store;

    public TicketLookup(LocalStore store) {
        this.store = store;
    }

    /**
     * One ticket found, as the gate lists it.
     *
     * @param place  seat label or area name
     * @param status the replica's ticket status (VALID, REFUNDED, ...)
     * @param token  the signed token to judge; null for a ticket this device has no token for
     */
    public record Match(String ticketId, String orderNumber, String customerName, String place, PriceType priceType,
                        String status, String token) {
    }

    /** Tickets of the performance whose order number matches exactly or whose customer matches the text. */
    public List<Match> find(String query, long performanceId) {
        String text = query == null ? "" : query.strip();
        if (text.length() < 2) {
            return List.of();
        }
        return store.read(session -> {
            List<CustomerOrder> orders = new ArrayList<>(session.createSelectionQuery(
                            "from CustomerOrder where performanceId = :p and upper(number) = :number", CustomerOrder.class)
                    .setParameter("p", performanceId).setParameter("number", normalisedNumber(text)).getResultList());
            if (orders.isEmpty()) {
                String like = "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
                orders.addAll(session.createSelectionQuery("from CustomerOrder where performanceId = :p and "
                                + "(lower(customerName) like :q or lower(customerEmail) like :q or customerPhone like :q) "
                                + "order by customerName", CustomerOrder.class)
                        .setParameter("p", performanceId).setParameter("q", like).setMaxResults(MAX_MATCHES).getResultList());
            }
            Map<String, CustomerOrder> byId = new HashMap<>();
            orders.forEach(o -> byId.put(o.id(), o));
            if (byId.isEmpty()) {
                return List.<Match>of();
            }
            List<Match> matches = new ArrayList<>();
            for (Ticket t : session.createSelectionQuery("from Ticket where orderId in :orders order by orderId, seatId, id",
                    Ticket.class).setParameter("orders", byId.keySet()).setMaxResults(MAX_MATCHES).getResultList()) {
                CustomerOrder order = byId.get(t.orderId());
                matches.add(new Match(t.id(), order.number(), order.customerName(), TicketPlaces.of(session, t.seatId(), t.areaId()),
                        PriceType.valueOf(t.priceType()), t.status(), t.token()));
            }
            return matches;
        });
    }

    /** Staff type numbers in lower case, with spaces or without the dash. */
    private static String normalisedNumber(String text) {
        return OrderNumber.normalise(text).toUpperCase(Locale.ROOT);
    }

}
