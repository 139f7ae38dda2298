package com.admitone.model.offline;

/**
 * What sync made of an offline sale; the server puts it in the command result's {@code data} under
 * {@code "outcome"} and on the order in the feed, and the client shows it on the sale.
 */
public enum ReconcileOutcome {
    /** Sold from the device's own allotment: it could not fail. */
    GUARANTEED,
    /** A provisional sale whose seats were still free. */
    ACCEPTED,
    /** A provisional sale moved to equivalent seats; the command result lists the moves and the new tokens. */
    MOVED,
    /** A provisional sale the server could not place; a conflict record waits for staff. Nothing was sold twice. */
    CONFLICT
}
