package com.admitone.server.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** Key of a general-admission area's counts in one performance. */
@Embeddable
public class AreaStatusId implements Serializable {
    @Column(name = "performance_id")
    long performanceId;
    @Column(name = "area_id")
    long areaId;

    protected AreaStatusId() {
    }

    public AreaStatusId(long performanceId, long areaId) {
        this.performanceId = performanceId;
        this.areaId = areaId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AreaStatusId other && performanceId == other.performanceId && areaId == other.areaId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(performanceId, areaId);
    }
}
