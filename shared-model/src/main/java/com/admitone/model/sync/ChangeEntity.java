package com.admitone.model.sync;

/**
 * The kinds of thing the change feed carries. A seat with no {@code seat_state} entry for a
 * performance is free: inventory entries appear only once a seat leaves FREE.
 */
public final class ChangeEntity {
    public static final String VENUE = "venue";
    public static final String SECTION = "section";
    public static final String SEAT = "seat";
    public static final String AREA = "area";
    public static final String EVENT = "event";
    public static final String PERFORMANCE = "performance";
    public static final String PRICE = "price";
    public static final String SEAT_STATE = "seat_state";
    public static final String AREA_STATE = "area_state";
    public static final String HOLD = "hold";
    public static final String ORDER = "order";
    public static final String TICKET = "ticket";
    public static final String PAYMENT = "payment";
    public static final String SIGNING_KEY = "signing_key";
    public static final String DEVICE = "device";
    /** A scan at a gate; its data says whether it was a duplicate admission of a ticket admitted elsewhere. */
    public static final String SCAN = "scan";
    /** A lease of seats or places to one device (see docs/offline.md); seats under it show ALLOTTED in seat_state. */
    public static final String ALLOTMENT = "allotment";
    /** A provisional sale the server could not place, waiting for staff (open or resolved). */
    public static final String CONFLICT = "conflict";
    /** A device's certified ticket-signing key ({@link com.admitone.model.ticket.DeviceCertificate}); revoked with the device. */
    public static final String DEVICE_KEY = "device_key";

    private ChangeEntity() {
    }
}
