package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A general-admission area: places sold by quantity, not by seat. */
@Entity
@Table(name = "ga_area")
public class GaArea {
    @Id
    long id;
    @Column(name = "venue_id")
    long venueId;
    String name;
    int capacity;
    String zone;

    protected GaArea() {
    }

    GaArea(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    public long venueId() {
        return venueId;
    }

    public String name() {
        return name;
    }

    public int capacity() {
        return capacity;
    }

    public String zone() {
        return zone;
    }
}
