package com.admitone.server.http;

import com.admitone.model.problem.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.List;

/**
 * Refuses a query parameter holding a NUL character before any handler sees it: PostgreSQL can
 * neither store nor compare one, so it would otherwise fail the query. JSON bodies get the same
 * rule from {@link Json}; Jetty refuses a NUL in the path itself.
 */
public final class QueryTextGuard implements Handler {
    @Override
    public void handle(Context ctx) {
        for (List<String> values : ctx.queryParamMap().values()) {
            for (String value : values) {
                if (value.indexOf('\u0000') >= 0) {
                    throw new ApiException(ErrorCode.VALIDATION_FAILED, "A query parameter contains a NUL character.");
                }
            }
        }
    }
}
