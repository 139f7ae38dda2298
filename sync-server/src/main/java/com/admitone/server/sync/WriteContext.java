package com.admitone.server.sync;

import com.admitone.server.audit.AuditEntry;
import com.admitone.server.auth.Principal;
import com.admitone.server.feed.ChangeFeed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.Session;

import java.time.Instant;
import java.util.UUID;

/**
 * One write transaction as the services see it: the session, who is acting, the server time of
 * the transaction, and the places every change must be told to (the change feed, the audit trail).
 */
public final class WriteContext {
    private final Session session;
    private final Principal principal;
    private final Instant now;
    private final ChangeFeed.Recorder changes;
    private final ObjectMapper json;
    private long lastSeq;

    WriteContext(Session session, Principal principal, Instant now, ChangeFeed.Recorder changes, ObjectMapper json) {
        this.session = session;
        this.principal = principal;
        this.now = now;
        this.changes = changes;
        this.json = json;
    }

    public Session session() {
        return session;
    }

    public Principal principal() {
        return principal;
    }

    public Instant now() {
        return now;
    }

    /** Publishes the new state of a thing on the change feed. */
    public void changed(String entity, Object id, Object data) {
        changes.upsert(entity, String.valueOf(id), data);
    }

    public void deleted(String entity, Object id) {
        changes.delete(entity, String.valueOf(id));
    }

    /** Records who did what to which thing; {@code detail} is turned into JSON. */
    public void audit(String action, String entity, Object entityId, Object detail) {
        session.persist(new AuditEntry(UUID.randomUUID().toString(), now, principal.userId(), principal.username(),
                principal.deviceId(), action, entity, String.valueOf(entityId), toJson(detail)));
    }

    private String toJson(Object detail) {
        if (detail == null) {
            return null;
        }
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit detail is not serialisable", e);
        }
    }

    /**
     * Numbers the changes recorded so far and returns the last sequence number (or the last one
     * numbered before, if nothing new changed). For a caller that must store the number in the same
     * transaction; anything recorded later is numbered when the transaction finishes.
     */
    public long publishNow() {
        lastSeq = Math.max(lastSeq, changes.flush(session, now));
        return lastSeq;
    }

    long finish() {
        return publishNow();
    }
}
