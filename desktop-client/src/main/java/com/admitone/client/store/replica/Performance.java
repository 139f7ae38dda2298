package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One dated performance of an event. */
@Entity
@Table(name = "performance")
public class Performance {
    @Id
    long id;
    @Column(name = "event_id")
    long eventId;
    @Column(name = "venue_id")
    long venueId;
    @Column(name = "starts_ms")
    Instant startsAt;
    String status;
    @Column(name = "provisional_policy")
    String provisionalPolicy;

    protected Performance() {
    }

    Performance(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    public long eventId() {
        return eventId;
    }

    public long venueId() {
        return venueId;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public String status() {
        return status;
    }

    public String provisionalPolicy() {
        return provisionalPolicy;
    }
}
