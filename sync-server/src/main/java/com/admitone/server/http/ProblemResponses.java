package com.admitone.server.http;

import com.admitone.model.problem.ErrorCode;
import com.admitone.model.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The one place that turns failures into RFC 9457 problem+json answers with a stable code.
 * Bad input is a 4xx that changes nothing; anything that reaches the last handler is a bug and is
 * logged as one.
 */
public final class ProblemResponses {
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    public static void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> send(ctx, Problem.of(e.code(), e.getMessage()).withDetails(e.details())));
        app.exception(JsonProcessingException.class, (e, ctx) -> send(ctx, jsonProblem(e)));
        app.exception(ValidationException.class, (e, ctx) ->
                send(ctx, Problem.of(ErrorCode.VALIDATION_FAILED, "Invalid parameter: " + String.join(", ", e.getErrors().keySet()))));
        app.exception(HttpResponseException.class, (e, ctx) -> send(ctx, httpProblem(e.getStatus(), e.getMessage())));
        app.exception(IllegalArgumentException.class, (e, ctx) ->
                send(ctx, Problem.of(ErrorCode.VALIDATION_FAILED, safeMessage(e.getMessage()))));
        app.exception(Exception.class, (e, ctx) -> {
            Throwable cause = e.getCause();
            if (cause instanceof JsonProcessingException jsonFailure) {
                send(ctx, jsonProblem(jsonFailure));
                return;
            }
            log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            send(ctx, Problem.of(ErrorCode.INTERNAL, "The server failed unexpectedly; the failure is logged."));
        });
        app.error(404, ctx -> {
            if (!isProblem(ctx)) {
                send(ctx, Problem.of(ErrorCode.NOT_FOUND, "No such resource: " + ctx.path()));
            }
        });
        app.error(405, ctx -> {
            if (!isProblem(ctx)) {
                send(ctx, Problem.of(ErrorCode.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path()));
            }
        });
        app.error(413, ctx -> {
            if (!isProblem(ctx)) {
                send(ctx, Problem.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large."));
            }
        });
    }

    /**
     * Jetty refuses some requests before Javalin sees them (a NUL or an encoded slash in the path,
     * a URI or headers too long); this answers those as problems too, instead of an HTML page.
     */
    public static ErrorHandler jettyErrorHandler(ObjectMapper json) {
        return new ErrorHandler() {
            @Override
            public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
                fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
                try {
                    return ByteBuffer.wrap(json.writeValueAsBytes(httpProblem(status, reason)));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a problem is not serialisable", e);
                }
            }
        };
    }

    public static void send(Context ctx, Problem problem) {
        ctx.status(problem.status());
        ctx.json(problem);
        ctx.contentType(Problem.MEDIA_TYPE);
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.MEDIA_TYPE);
    }

    static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof InvalidTypeIdException typeId) {
            return Problem.of(ErrorCode.VALIDATION_FAILED, "Unknown type " + quote(typeId.getTypeId()) + at(typeId));
        }
        if (e instanceof InvalidFormatException format) {
            return Problem.of(ErrorCode.VALIDATION_FAILED, "Invalid value" + at(format));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return Problem.of(ErrorCode.VALIDATION_FAILED, "Wrong or missing value" + at(mismatch));
        }
        return Problem.of(ErrorCode.MALFORMED_REQUEST, "The body is not valid JSON.");
    }

    private static Problem httpProblem(int status, String message) {
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN_ROLE;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_REQUEST;
        };
        String detail = message == null || message.isBlank() ? HttpStatus.forStatus(status).getMessage() : message;
        Problem problem = Problem.of(code, safeMessage(detail));
        return new Problem(problem.type(), problem.title(), status, problem.detail(), problem.code(), (Map<String, Object>) null);
    }

    private static String at(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "." : " at " + path + ".";
    }

    private static String quote(String s) {
        return s == null ? "(none)" : "'" + safeMessage(s) + "'";
    }

    /** Echoes at most a little of what the caller sent, so a hostile body is not reflected whole. */
    private static String safeMessage(String s) {
        if (s == null) {
            return "Invalid request.";
        }
        String oneLine = s.replaceAll("[\\r\\n\\t]+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
