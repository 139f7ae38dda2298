package com.admitone.server.programme;

import com.admitone.model.offline.ProvisionalPolicy;
import com.admitone.model.programme.PerformanceStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One performance (or timed slot) of an event, with its own inventory and price list. */
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
    @Enumerated(EnumType.STRING)
    PerformanceStatus status;
    /** What happens to offline sales outside an allotment (docs/offline.md). */
    @Enumerated(EnumType.STRING)
    @Column(name = "provisional_policy")
    ProvisionalPolicy provisionalPolicy;

    protected Performance() {
    }

    public Performance(long id, long eventId, long venueId, Instant startsAt, PerformanceStatus status) {
        this.id = id;
        this.eventId = eventId;
        this.venueId = venueId;
        this.startsAt = startsAt;
        this.status = status;
        this.provisionalPolicy = ProvisionalPolicy.ACCEPT_OR_MOVE;
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

    public PerformanceStatus status() {
        return status;
    }

    public ProvisionalPolicy provisionalPolicy() {
        return provisionalPolicy;
    }

    public Map<String, Object> feedData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("eventId", eventId);
        data.put("venueId", venueId);
        data.put("startsAt", startsAt.toString());
        data.put("status", status.name());
        data.put("provisionalPolicy", provisionalPolicy.name());
        return data;
    }
}
