package com.admitone.server.venue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Map;

/** A general-admission area: places are counted, not numbered. */
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

    public GaArea(long id, long venueId, String name, int capacity, String zone) {
        this.id = id;
        this.venueId = venueId;
        this.name = name;
        this.capacity = capacity;
        this.zone = zone;
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

    public Map<String, Object> feedData() {
        return Map.of("id", id, "venueId", venueId, "name", name, "capacity", capacity, "zone", zone);
    }
}
