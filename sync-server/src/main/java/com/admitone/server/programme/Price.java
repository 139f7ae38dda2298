package com.admitone.server.programme;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.Map;

/** One entry of a performance's price list. */
@Entity
@Table(name = "price")
public class Price {
    @EmbeddedId
    PriceId id;
    @Column(name = "amount_minor")
    long amountMinor;

    protected Price() {
    }

    public Price(long performanceId, String zone, String priceType, long amountMinor) {
        this.id = new PriceId(performanceId, zone, priceType);
        this.amountMinor = amountMinor;
    }

    public String zone() {
        return id.zone;
    }

    public String priceType() {
        return id.priceType;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String feedId() {
        return id.performanceId + ":" + id.zone + ":" + id.priceType;
    }

    public Map<String, Object> feedData() {
        return Map.of("performanceId", id.performanceId, "zone", id.zone, "priceType", id.priceType, "minor", amountMinor);
    }
}
