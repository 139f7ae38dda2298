package com.admitone.server.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A stored change-feed entry; {@code data} is the JSON of the thing's new state. */
@Entity
@Table(name = "change_entry")
public class ChangeEntry {
    @Id
    long seq;
    String entity;
    @Column(name = "entity_id")
    String entityId;
    boolean deleted;
    String data;
    @Column(name = "at_ms")
    Instant at;

    protected ChangeEntry() {
    }

    ChangeEntry(long seq, String entity, String entityId, boolean deleted, String data, Instant at) {
        this.seq = seq;
        this.entity = entity;
        this.entityId = entityId;
        this.deleted = deleted;
        this.data = data;
        this.at = at;
    }
}
