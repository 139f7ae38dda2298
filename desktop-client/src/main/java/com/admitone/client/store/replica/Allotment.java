package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lease of seats and general-admission places of one performance to one device, from the feed
 * ({@code allotment}). {@code seatIds} lists the seats still under the lease (sold ones leave it);
 * {@code areas} is "areaId:places,…".
 */
@Entity
@Table(name = "allotment")
public class Allotment {
    @Id
    String id;
    @Column(name = "performance_id")
    long performanceId;
    @Column(name = "device_id")
    String deviceId;
    @Column(name = "until_ms")
    Instant until;
    String status;
    @Column(name = "seat_ids")
    String seatIds = "";
    String areas = "";

    protected Allotment() {
    }

    Allotment(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public long performanceId() {
        return performanceId;
    }

    public String deviceId() {
        return deviceId;
    }

    public Instant until() {
        return until;
    }

    public String status() {
        return status;
    }

    /** True while the lease runs at {@code now}. */
    public boolean activeAt(Instant now) {
        return "OPEN".equals(status) && until != null && now.isBefore(until);
    }

    public List<Long> seats() {
        List<Long> ids = new ArrayList<>();
        for (String part : seatIds.split(",")) {
            if (!part.isBlank()) {
                ids.add(Long.parseLong(part.trim()));
            }
        }
        return ids;
    }

    /** Places per area still under the lease. */
    public Map<Long, Integer> areaPlaces() {
        Map<Long, Integer> places = new LinkedHashMap<>();
        for (String part : areas.split(",")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                places.put(Long.parseLong(part.substring(0, colon).trim()), Integer.parseInt(part.substring(colon + 1).trim()));
            }
        }
        return places;
    }
}
