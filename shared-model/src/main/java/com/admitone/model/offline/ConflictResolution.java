package com.admitone.model.offline;

/** How staff settle a conflict raised by a provisional sale. */
public enum ConflictResolution {
    /** Sell the customer the seats named in the resolution instead (they must be free). */
    OTHER_SEATS,
    /** Give the money back; the provisional tickets stay revoked. */
    REFUND,
    /** Settled outside the system (e.g. the customer left); recorded with a note. */
    MARK_RESOLVED
}
