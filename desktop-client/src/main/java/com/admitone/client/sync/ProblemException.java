package com.admitone.client.sync;

import com.admitone.model.problem.Problem;

import java.util.Map;

/** A 4xx RFC 9457 problem with AdmitOne's stable {@code code}: the request was understood and refused. */
public final class ProblemException extends ServerException {
    private final int status;
    private final String code;
    private final Map<String, Object> details;

    public ProblemException(int status, String code, String detail, Map<String, Object> details) {
        super(detail == null ? code : detail, null);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : details;
    }

    static ProblemException of(int status, Problem problem) {
        return new ProblemException(status, problem.code(), problem.detail(), problem.details());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** The server's own sentence, which may name the seat or the time; {@link ProblemMessages} has the plain one. */
    public String detail() {
        return getMessage();
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
