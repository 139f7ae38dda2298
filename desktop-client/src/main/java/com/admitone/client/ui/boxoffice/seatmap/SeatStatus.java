package com.admitone.client.ui.boxoffice.seatmap;

import com.admitone.model.inventory.SeatState;

import java.util.Locale;

/**
 * A seat's state as a counter sees it: the inventory {@link SeatState}, with a hold split into
 * "held by me" (this counter's basket) and "held by another counter", and an allotment into "to this
 * computer" and "to another".
 */
public enum SeatStatus {
    FREE("Free"),
    HELD_BY_ME("Held by me"),
    HELD_BY_OTHER("Held by another counter"),
    SOLD("Sold"),
    BLOCKED("Blocked"),
    ALLOTTED("Allotted to another computer"),
    /** Leased to this computer: it may sell these offline, guaranteed. */
    ALLOTTED_TO_ME("Allotted to this computer");

    private final String label;

    SeatStatus(String label) {
        this.label = label;
    }

    public static SeatStatus of(SeatState state, boolean heldByMe) {
        return switch (state) {
            case FREE -> FREE;
            case HELD -> heldByMe ? HELD_BY_ME : HELD_BY_OTHER;
            case SOLD -> SOLD;
            case BLOCKED -> BLOCKED;
            case ALLOTTED -> heldByMe ? ALLOTTED_TO_ME : ALLOTTED;
        };
    }

    /** What the legend and the tooltip call it. */
    public String label() {
        return label;
    }

    /** The style class of nodes that show this state, e.g. {@code seat-held-by-me}. */
    public String styleClass() {
        return "seat-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
