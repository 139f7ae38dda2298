package com.admitone.server.http;

import com.admitone.model.problem.ErrorCode;
import io.javalin.http.Context;

/** Reads request bodies: a missing or {@code null} body is the caller's mistake, never a server failure. */
public final class Bodies {
    private Bodies() {
    }

    public static <T> T read(Context ctx, Class<T> type, String whatToSend) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "The request has no body. " + whatToSend);
        }
        T value = ctx.jsonMapper().fromJsonString(body, type);
        if (value == null) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "The body is null. " + whatToSend);
        }
        return value;
    }
}
