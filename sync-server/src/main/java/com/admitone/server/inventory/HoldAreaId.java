package com.admitone.server.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** Key of the places a hold has in one area. */
@Embeddable
public class HoldAreaId implements Serializable {
    @Column(name = "hold_id")
    String holdId;
    @Column(name = "area_id")
    long areaId;

    protected HoldAreaId() {
    }

    HoldAreaId(String holdId, long areaId) {
        this.holdId = holdId;
        this.areaId = areaId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HoldAreaId other && holdId.equals(other.holdId) && areaId == other.areaId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(holdId, areaId);
    }
}
