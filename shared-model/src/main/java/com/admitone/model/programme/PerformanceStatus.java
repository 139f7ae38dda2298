package com.admitone.model.programme;

import java.util.EnumSet;
import java.util.Set;

/** Where a performance is in its life. Only ON_SALE performances sell; CANCELLED is final. */
public enum PerformanceStatus {
    DRAFT, ON_SALE, SALES_CLOSED, CANCELLED;

    /** The statuses a performance may move to from this one. */
    public Set<PerformanceStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(ON_SALE, CANCELLED);
            case ON_SALE -> EnumSet.of(SALES_CLOSED, CANCELLED);
            case SALES_CLOSED -> EnumSet.of(ON_SALE, CANCELLED);
            case CANCELLED -> EnumSet.noneOf(PerformanceStatus.class);
        };
    }
}
