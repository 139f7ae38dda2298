package com.admitone.client.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** How far this device has applied the change feed, and when it last talked to the server. */
@Entity
@Table(name = "sync_cursor")
public class SyncCursor {
    static final int ID = 1;

    @Id
    int id = ID;
    @Column(name = "applied_seq")
    long appliedSeq;
    @Column(name = "latest_seen")
    long latestSeen;
    @Column(name = "last_pull_ms")
    Instant lastPull;
    @Column(name = "last_push_ms")
    Instant lastPush;

    protected SyncCursor() {
    }

    public long appliedSeq() {
        return appliedSeq;
    }

    public long latestSeen() {
        return latestSeen;
    }

    public Instant lastPull() {
        return lastPull;
    }

    public Instant lastPush() {
        return lastPush;
    }

    /** The cursor of this transaction, for update. */
    public static SyncCursor of(org.hibernate.Session session) {
        return session.find(SyncCursor.class, ID);
    }

    /** Records an applied page: called in the transaction that applied it. */
    public void pageApplied(long next, long latest, Instant now) {
        appliedSeq = Math.max(appliedSeq, next);
        latestSeen = Math.max(latestSeen, latest);
        lastPull = now;
    }

    public void pushed(Instant now) {
        lastPush = now;
    }

    public void seen(long latest) {
        latestSeen = Math.max(latestSeen, latest);
    }
}
