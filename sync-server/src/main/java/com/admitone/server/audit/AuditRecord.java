package com.admitone.server.audit;

import java.time.Instant;

/** An audit line as the API shows it. */
public record AuditRecord(String id, Instant at, String userId, String username, String deviceId, String action,
                          String entity, String entityId, String detail) {
}
