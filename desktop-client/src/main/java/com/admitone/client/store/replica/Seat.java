package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A physical seat: where the seat map draws it, its price zone and flags (comma-separated SeatFlag names). */
@Entity
@Table(name = "seat")
public class Seat {
    @Id
    long id;
    @Column(name = "venue_id")
    long venueId;
    @Column(name = "section_id")
    long sectionId;
    @Column(name = "row_label")
    String row;
    @Column(name = "seat_number")
    int number;
    String label;
    double x;
    double y;
    String zone;
    String flags;

    protected Seat() {
    }

    Seat(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    public long venueId() {
        return venueId;
    }

    public long sectionId() {
        return sectionId;
    }

    public String row() {
        return row;
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public String zone() {
        return zone;
    }

    public String flags() {
        return flags;
    }
}
