package com.admitone.server.http;

import com.admitone.model.problem.ErrorCode;

import java.util.Map;

/** A refusal with a stable code; becomes a problem+json answer, or a rejected command result. */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, null);
    }

    public ApiException(ErrorCode code, String detail, Map<String, Object> details) {
        super(detail, null, false, false);
        this.code = code;
        this.details = details;
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
