package com.admitone.server.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** Key of a price-list entry: performance, zone, price type. */
@Embeddable
public class PriceId implements Serializable {
    @Column(name = "performance_id")
    long performanceId;
    String zone;
    @Column(name = "price_type")
    String priceType;

    protected PriceId() {
    }

    public PriceId(long performanceId, String zone, String priceType) {
        this.performanceId = performanceId;
        this.zone = zone;
        this.priceType = priceType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PriceId other && performanceId == other.performanceId
                && zone.equals(other.zone) && priceType.equals(other.priceType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(performanceId, zone, priceType);
    }
}
