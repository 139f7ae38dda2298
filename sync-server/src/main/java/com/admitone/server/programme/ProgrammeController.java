package com.admitone.server.programme;

import io.javalin.http.Context;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.admitone.model.problem.ErrorCode;
import com.admitone.server.http.ApiException;
import com.admitone.server.storage.InstantMillisConverter;

/** The performance picker and seat maps. */
public final class ProgrammeController {
    private final ProgrammeQueries queries;
    private final java.time.Clock clock;

    public ProgrammeController(ProgrammeQueries queries, java.time.Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public void performances(Context ctx) {
        Instant now = clock.instant();
        Instant from = instant(ctx.queryParam("from"), now.minus(Duration.ofHours(12)));
        Instant to = instant(ctx.queryParam("to"), now.plus(Duration.ofDays(366)));
        ctx.json(queries.performances(from, to, ctx.queryParam("q")));
    }

    public void seatMap(Context ctx) {
        long id = ctx.pathParamAsClass("performanceId", Long.class).get();
        ctx.json(queries.seatMap(id));
    }

    private static Instant instant(String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Times are ISO-8601 instants, e.g. 2026-11-22T19:30:00Z.");
        }
        if (!InstantMillisConverter.supports(instant)) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Times lie between the years 0000 and 9999.");
        }
        return instant;
    }
}
