package com.admitone.server.sales;

import com.admitone.model.order.OrderNumber;
import com.admitone.model.problem.ErrorCode;
import com.admitone.server.http.ApiException;
import com.admitone.server.storage.Database;
import org.hibernate.Session;

import java.util.List;
import java.util.Locale;

/** Finds orders by number, id, or the customer's name, e-mail or phone. */
public final class OrderQueries {
    private final Database database;

    public OrderQueries(Database database) {
        this.database = database;
    }

    public OrderView find(String numberOrId) {
        return database.read(session -> {
            CustomerOrder order = session.find(CustomerOrder.class, numberOrId);
            if (order == null) {
                order = session.createSelectionQuery("from CustomerOrder where number = :n", CustomerOrder.class)
                        .setParameter("n", OrderNumber.normalise(numberOrId)).getResultStream().findFirst().orElse(null);
            }
            if (order == null) {
                throw new ApiException(ErrorCode.UNKNOWN_ORDER, "There is no order " + numberOrId + ".");
            }
            return view(session, order);
        });
    }

    public List<OrderView> search(String query, int limit) {
        if (query == null || query.isBlank() || query.length() > 200) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Search for 1 to 200 characters.");
        }
        String like = "%" + query.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return database.read(session -> session.createSelectionQuery(
                        "from CustomerOrder o where lower(o.customerName) like :q or lower(o.customerEmail) like :q "
                                + "or o.customerPhone like :q or o.number = :n order by o.created desc", CustomerOrder.class)
                .setParameter("q", like)
                .setParameter("n", OrderNumber.normalise(query))
                .setMaxResults(Math.max(1, Math.min(limit, 100)))
                .getResultList().stream().map(o -> view(session, o)).toList());
    }

    private static OrderView view(Session session, CustomerOrder order) {
        List<java.util.Map<String, Object>> tickets = session.createSelectionQuery(
                        "from Ticket where orderId = :o order by seatId, areaId, id", Ticket.class)
                .setParameter("o", order.id).getResultList().stream().map(Ticket::feedData).toList();
        List<java.util.Map<String, Object>> payments = session.createSelectionQuery(
                        "from Payment where orderId = :o order by created", Payment.class)
                .setParameter("o", order.id).getResultList().stream().map(Payment::feedData).toList();
        return new OrderView(order.feedData(), tickets, payments);
    }
}
