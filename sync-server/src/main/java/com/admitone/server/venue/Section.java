package com.admitone.server.venue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Map;

/** A part of a venue's seat map: stalls, circle, boxes. */
@Entity
@Table(name = "section")
public class Section {
    @Id
    long id;
    @Column(name = "venue_id")
    long venueId;
    String name;
    @Column(name = "sort_order")
    int sortOrder;

    protected Section() {
    }

    public Section(long id, long venueId, String name, int sortOrder) {
        this.id = id;
        this.venueId = venueId;
        this.name = name;
        this.sortOrder = sortOrder;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Map<String, Object> feedData() {
        return Map.of("id", id, "venueId", venueId, "name", name, "sortOrder", sortOrder);
    }
}
