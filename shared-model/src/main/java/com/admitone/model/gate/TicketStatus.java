package com.admitone.model.gate;

/**
 * What the replica knows of a ticket's life. A ticket the replica has never heard of is
 * {@link #UNKNOWN}: a genuine signature is enough to admit it (an offline sale from another
 * device may not have synced yet), which is why only revocations reject.
 */
public enum TicketStatus {
    VALID, UNKNOWN, REFUNDED, EXCHANGED, TRANSFERRED,
    /** Sold offline but never placed: the server could not give it a seat (a conflict); it admits nobody. */
    CANCELLED;

    public boolean revoked() {
        return this == REFUNDED || this == EXCHANGED || this == TRANSFERRED || this == CANCELLED;
    }

    /** Reads the status the server publishes on a ticket; anything not known to revoke counts as valid. */
    public static TicketStatus fromWire(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        return switch (status) {
            case "REFUNDED" -> REFUNDED;
            case "EXCHANGED" -> EXCHANGED;
            case "TRANSFERRED" -> TRANSFERRED;
            case "CANCELLED" -> CANCELLED;
            default -> VALID;
        };
    }
}
