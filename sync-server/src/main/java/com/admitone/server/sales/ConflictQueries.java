package com.admitone.server.sales;

import com.admitone.model.problem.ErrorCode;
import com.admitone.server.http.ApiException;
import com.admitone.server.storage.Database;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/conflicts}: the offline sales the server could not place, for a manager's
 * dashboard or an integration (devices get the same entries from the feed). Open ones by default,
 * oldest first, each as on the feed plus the customer's name and the order's total.
 */
public final class ConflictQueries {
    private static final Set<String> STATUSES = Set.of(OfflineConflict.OPEN, OfflineConflict.RESOLVED, "ALL");
    private final Database database;

    public ConflictQueries(Database database) {
        this.database = database;
    }

    public void list(Context ctx) {
        String status = ctx.queryParamAsClass("status", String.class).getOrDefault(OfflineConflict.OPEN).toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "status is OPEN, RESOLVED or ALL.");
        }
        int limit = ctx.queryParamAsClass("limit", Integer.class).check(v -> v > 0 && v <= 1000, "limit is 1 to 1000")
                .getOrDefault(200);
        ctx.json(list(status, limit));
    }

    public List<Map<String, Object>> list(String status, int limit) {
        return database.read(session -> {
            List<OfflineConflict> conflicts = session.createSelectionQuery(
                            "from OfflineConflict where (:status = 'ALL' or status = :status) order by created, id", OfflineConflict.class)
                    .setParameter("status", status).setMaxResults(limit).getResultList();
            Map<String, CustomerOrder> orders = new HashMap<>();
            List<String> ids = conflicts.stream().map(c -> c.orderId).distinct().toList();
            if (!ids.isEmpty()) {
                session.createSelectionQuery("from CustomerOrder where id in :ids", CustomerOrder.class).setParameter("ids", ids)
                        .getResultList().forEach(o -> orders.put(o.id, o));
            }
            List<Map<String, Object>> rows = new ArrayList<>(conflicts.size());
            for (OfflineConflict c : conflicts) {
                CustomerOrder order = orders.get(c.orderId);
                Map<String, Object> row = c.feedData(order == null ? null : order.number);
                if (order != null) {
                    row.put("customerName", order.customerName);
                    row.put("totalMinor", order.totalMinor);
                    row.put("currency", order.currency);
                }
                rows.add(row);
            }
            return rows;
        });
    }
}
