package com.admitone.server.venue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.LinkedHashMap;
import java.util.Map;

/** A venue with its time zone (times are shown in it) and currency. */
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

    public Venue(long id, String name, String timezone, String currency, int taxRateBasisPoints) {
        this.id = id;
        this.name = name;
        this.timezone = timezone;
        this.currency = currency;
        this.taxRateBasisPoints = taxRateBasisPoints;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String currency() {
        return currency;
    }

    public String timezone() {
        return timezone;
    }

    public int taxRateBasisPoints() {
        return taxRateBasisPoints;
    }

    public Map<String, Object> feedData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("name", name);
        data.put("timezone", timezone);
        data.put("currency", currency);
        data.put("taxRateBasisPoints", taxRateBasisPoints);
        return data;
    }
}
