package com.admitone.client.ui.boxoffice.seatmap;

import java.util.Objects;

/** A price zone as the seat map shows it: free seats take the zone's colour, the legend its name. */
public record PriceZone(String id, String name) {

    public PriceZone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
