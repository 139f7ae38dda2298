package com.admitone.model.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * An RFC 9457 problem document ({@code application/problem+json}) with AdmitOne's stable
 * {@code code} and, where useful, details such as the seats that were taken.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, Map<String, Object> details) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail) {
        return new Problem("urn:admitone:problem:" + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                code.title(), code.status(), detail, code.name(), null);
    }

    public Problem withDetails(Map<String, Object> more) {
        return new Problem(type, title, status, detail, code, more);
    }
}
