package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A show or exhibition; its performances are the dated instances sold. */
@Entity
@Table(name = "event")
public class Event {
    @Id
    long id;
    @Column(name = "venue_id")
    long venueId;
    String title;
    String description;
    @Column(name = "duration_minutes")
    int durationMinutes;

    protected Event() {
    }

    Event(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    public long venueId() {
        return venueId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public int durationMinutes() {
        return durationMinutes;
    }
}
