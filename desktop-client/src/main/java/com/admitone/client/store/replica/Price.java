package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** The price of one price type in one zone of one performance, in minor units of the venue's currency. */
@Entity
@Table(name = "price")
public class Price {
    @EmbeddedId
    Key id;
    @Column(name = "amount_minor")
    long amountMinor;

    protected Price() {
    }

    Price(Key id) {
        this.id = id;
    }

    public long performanceId() {
        return id.performanceId;
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

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "performance_id")
        long performanceId;
        String zone;
        @Column(name = "price_type")
        String priceType;

        protected Key() {
        }

        public Key(long performanceId, String zone, String priceType) {
            this.performanceId = performanceId;
            this.zone = zone;
            this.priceType = priceType;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.performanceId == performanceId && k.zone.equals(zone) && k.priceType.equals(priceType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(performanceId, zone, priceType);
        }
    }
}
