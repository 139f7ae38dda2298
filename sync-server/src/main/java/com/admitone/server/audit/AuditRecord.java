package com.admitone.server.audit;

import java.time.Instant;

/** An audit line as the API shows it; {@code deviceTime} is the device's clock for entries made by a command. */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record AuditRecord(String id, Instant at, String userId, String username, String deviceId, String action,
                          String entity, String entityId, String detail, Instant deviceTime) {
}
