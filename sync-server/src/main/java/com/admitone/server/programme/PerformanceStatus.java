package com.admitone.server.programme;

/** Where a performance is in its life: only ON_SALE performances sell. */
public enum PerformanceStatus {
    DRAFT, ON_SALE, SALES_CLOSED, CANCELLED
}
