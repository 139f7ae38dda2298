package com.admitone.model.offline;

/**
 * What the server does with a provisional sale (one made offline outside the device's allotment)
 * when it finally arrives. Set per performance by a manager; the client reads it from its replica
 * to decide whether it may sell provisionally at all.
 */
public enum ProvisionalPolicy {
    /** No provisional sales: offline, the device sells only from its allotment. */
    NOT_ALLOWED,
    /** Accept when every seat is still free; otherwise raise a conflict for staff. */
    ACCEPT_IF_FREE,
    /** Accept when free; otherwise move to the best equivalent seats (same zone, together); otherwise a conflict. */
    ACCEPT_OR_MOVE;

    public boolean allowsProvisionalSales() {
        return this != NOT_ALLOWED;
    }
}
