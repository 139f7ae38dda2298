package com.admitone.server.sync;

import com.admitone.server.audit.AuditEntry;
import com.admitone.server.auth.Principal;
import com.admitone.server.feed.ChangeFeed;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One write transaction as the services see it: the session, who is acting, the server time of
 * the transaction, and the places every change must be told to (the change feed, the audit trail).
 */
public final class WriteContext {
    private final Session session;
    private Principal principal;
    private final Instant now;
    private final ChangeFeed.Recorder changes;
    private final ObjectMapper json;
    private final List<AuditEntry> audits = new ArrayList<>();
    private final Map<Object, Object> remembered = new HashMap<>();
    private final List<String> claimed = new ArrayList<>();
    private final Set<String> claimedSet = new HashSet<>();
    private long lastSeq;
    private Instant deviceTime;

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

    /**
     * Records who did what to which thing; {@code detail} is turned into JSON. Entries are stored
     * with the feed's, when the transaction finishes: nothing reads them before, and a group of
     * commands then writes all its entries in one statement instead of one per command.
     */
    public void audit(String action, String entity, Object entityId, Object detail) {
        audits.add(new AuditEntry(UUID.randomUUID().toString(), now, principal.userId(), principal.username(),
                principal.deviceId(), action, entity, String.valueOf(entityId), toJson(detail)).withDeviceTime(deviceTime));
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

    /** Acts for another caller from here on: a group of commands from several devices shares one transaction. */
    void actAs(Principal next) {
        actAs(next, null);
    }

    /** As {@link #actAs(Principal)}, for a command the device recorded at {@code deviceClock} (kept in the audit trail). */
    void actAs(Principal next, Instant deviceClock) {
        this.principal = next;
        this.deviceTime = deviceClock;
    }

    /** The device's clock when it recorded the command being applied, or null. */
    public Instant deviceTime() {
        return deviceTime;
    }

    /**
     * A row read once per transaction instead of once per command: a group of commands reads the
     * same performances and device keys again and again. Not for anything the transaction may
     * change unless whoever changes it calls {@link #forget}.
     */
    @SuppressWarnings("unchecked")
    public <T> T remember(Object key, Supplier<T> read) {
        Object known = remembered.get(key);
        if (known == null) {
            known = read.get();
            remembered.put(key, known);
        }
        return (T) known;
    }

    /** What {@link #remember} holds for {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public <T> T recall(Object key) {
        return (T) remembered.get(key);
    }

    public void forget(Object key) {
        remembered.remove(key);
    }

    /** A mark in the recorded changes, to discard what a refused command recorded after it. */
    int changeMark() {
        return changes.mark();
    }

    /**
     * Records that this transaction takes these ids (of new orders, tickets, payments, order
     * numbers), so a later command of it cannot take them again; see {@code sales.NewIds}.
     */
    public void claim(List<String> ids) {
        claimed.addAll(ids);
        claimedSet.addAll(ids);
    }

    public boolean claimed(String id) {
        return claimedSet.contains(id);
    }

    /** Where the audit entries and claimed ids stand, to discard what a refused command recorded after it. */
    record UndoMark(int audits, int claims) {
    }

    UndoMark undoMark() {
        return new UndoMark(audits.size(), claimed.size());
    }

    void discardSince(int changeMark, UndoMark undo) {
        changes.truncate(changeMark);
        audits.subList(undo.audits(), audits.size()).clear();
        List<String> dropped = claimed.subList(undo.claims(), claimed.size());
        dropped.forEach(claimedSet::remove);
        dropped.clear();
    }

    /**
     * Numbers the changes recorded so far and returns the first number they got (0 if none); the
     * i-th recorded change got {@code first + i}. For a caller that must store the numbers in the
     * same transaction; anything recorded later is numbered when the transaction finishes.
     */
    long publishNow() {
        audits.forEach(session::persist);
        audits.clear();
        int count = changes.mark();
        long first = changes.flush(session, now);
        if (first > 0) {
            lastSeq = first + count - 1;
        }
        return first;
    }

    long finish() {
        publishNow();
        return lastSeq;
    }
}
