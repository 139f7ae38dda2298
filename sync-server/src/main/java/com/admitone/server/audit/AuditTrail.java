package com.admitone.server.audit;

import com.admitone.server.storage.Database;

import java.time.Instant;
import java.util.List;

/** Reads the audit trail, newest first. Entries are written by {@code WriteContext#audit}. */
public final class AuditTrail {
    private final Database database;

    public AuditTrail(Database database) {
        this.database = database;
    }

    public List<AuditRecord> recent(Instant since, String entityId, int limit) {
        return database.read(session -> session.createSelectionQuery(
                        "from AuditEntry where at >= :since and (:entityId is null or entityId = :entityId) order by at desc",
                        AuditEntry.class)
                .setParameter("since", since)
                .setParameter("entityId", entityId)
                .setMaxResults(Math.max(1, Math.min(limit, 1000)))
                .getResultList()
                .stream().map(AuditEntry::toRecord).toList());
    }
}
