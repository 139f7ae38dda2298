package com.admitone.model.venue;

/** Properties of a physical seat that staff must see on the seat map and tickets. */
public enum SeatFlag {
    WHEELCHAIR, COMPANION, RESTRICTED_VIEW, AISLE
}
