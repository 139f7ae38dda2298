package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A part of a venue's seating (stalls, circle, boxes). */
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

    Section(long id) {
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

    public int sortOrder() {
        return sortOrder;
    }
}
