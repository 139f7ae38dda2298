package com.admitone.server.sales;

import io.javalin.http.Context;

/** Order look-up at the counter. */
public final class OrderController {
    private final OrderQueries queries;

    public OrderController(OrderQueries queries) {
        this.queries = queries;
    }

    public void find(Context ctx) {
        ctx.json(queries.find(ctx.pathParam("order")));
    }

    public void search(Context ctx) {
        ctx.json(queries.search(ctx.queryParam("q"), ctx.queryParamAsClass("limit", Integer.class).getOrDefault(20)));
    }
}
