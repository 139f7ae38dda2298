package com.admitone.client.store.replica;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Places left and taken in one general-admission area for one performance, plus this device's unsettled sales. */
@Entity
@Table(name = "area_state")
public class AreaStatus {
    @EmbeddedId
    @AttributeOverride(name = "item", column = @Column(name = "area_id"))
    PerformanceItemKey id;
    int capacity;
    int held;
    int sold;
    int blocked;
    int allotted;
    int free;
    @Column(name = "provisional_sold")
    int provisionalSold;

    protected AreaStatus() {
    }

    AreaStatus(PerformanceItemKey id) {
        this.id = id;
    }

    public long performanceId() {
        return id.performanceId;
    }

    public long areaId() {
        return id.item;
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

    public int blocked() {
        return blocked;
    }

    public int allotted() {
        return allotted;
    }

    /** Free places as the server counted them, less this device's sales it has not confirmed yet. */
    public int freeNow() {
        return Math.max(0, free - provisionalSold);
    }
}
