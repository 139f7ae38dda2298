package com.admitone.server.inventory;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.Map;

/** General-admission capacity of one area for one performance, counted by state. */
@Entity
@Table(name = "area_state")
public class AreaStatus {
    @EmbeddedId
    AreaStatusId id;
    int capacity;
    int held;
    int sold;
    int blocked;
    int allotted;
    int version;

    protected AreaStatus() {
    }

    public AreaStatus(long performanceId, long areaId, int capacity) {
        this.id = new AreaStatusId(performanceId, areaId);
        this.capacity = capacity;
    }

    public long areaId() {
        return id.areaId;
    }

    public int free() {
        return capacity - held - sold - blocked - allotted;
    }

    public int capacity() {
        return capacity;
    }

    public int held() {
        return held;
    }

    public int sold() {
        return sold;
    }

    public String feedId() {
        return id.performanceId + ":" + id.areaId;
    }

    public Map<String, Object> feedData() {
        return Map.of("performanceId", id.performanceId, "areaId", id.areaId, "capacity", capacity, "held", held,
                "sold", sold, "blocked", blocked, "allotted", allotted, "free", free());
    }
}
