package com.admitone.client.store.replica;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A venue as the feed last described it. */
@Entity
@Table(name = "venue")
public class Venue {
    @Id
    long id;
    String name;
    String timezone;
    String currency;
    @Column(name = "tax_rate_bp")
    int taxRateBasisPoints;

    protected Venue() {
    }

    Venue(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String timezone() {
        return timezone;
    }

    public String currency() {
        return currency;
    }

    public int taxRateBasisPoints() {
        return taxRateBasisPoints;
    }
}
