package com.admitone.server.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.LinkedHashMap;
import java.util.Map;

/** A show or exhibition; it has performances (or timed slots). */
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

    public Event(long id, long venueId, String title, String description, int durationMinutes) {
        this.id = id;
        this.venueId = venueId;
        this.title = title;
        this.description = description;
        this.durationMinutes = durationMinutes;
    }

    public long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public Map<String, Object> feedData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("venueId", venueId);
        data.put("title", title);
        data.put("description", description);
        data.put("durationMinutes", durationMinutes);
        return data;
    }
}
