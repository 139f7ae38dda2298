package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** A seat or an area within one performance: the key of per-performance inventory rows. */
@Embeddable
public class PerformanceItemKey implements Serializable {
    @Column(name = "performance_id")
    long performanceId;
    long item;

    protected PerformanceItemKey() {
    }

    public PerformanceItemKey(long performanceId, long item) {
        this.performanceId = performanceId;
        this.item = item;
    }

    public long performanceId() {
        return performanceId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PerformanceItemKey k && k.performanceId == performanceId && k.item == item;
    }

    @Override
    public int hashCode() {
        return Objects.hash(performanceId, item);
    }
}
