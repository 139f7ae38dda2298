package com.admitone.client.offline;

import com.admitone.client.store.LocalStore;
import com.admitone.client.sync.ApiTimeouts;

import java.time.Duration;

/**
 * This computer's offline settings, stored in its local database: how long the server may stay
 * silent before the device works offline, and up to how much cash a refund may be paid out while
 * offline (in minor units of the venue currency).
 */
public final class OfflineSettings {
    public static final String OFFLINE_AFTER = "offline.afterSeconds";
    public static final String REFUND_LIMIT = "offline.refundLimitMinor";
    public static final long DEFAULT_REFUND_LIMIT_MINOR = 100_00;
    private static final int MAX_OFFLINE_AFTER_SECONDS = 60;

    private final LocalStore store;

    public OfflineSettings(LocalStore store) {
        this.store = store;
    }

    public Duration offlineAfter() {
        try {
            int seconds = Integer.parseInt(store.setting(OFFLINE_AFTER, Long.toString(ApiTimeouts.DEFAULT_OFFLINE_AFTER.toSeconds())));
            return Duration.ofSeconds(Math.max(1, Math.min(MAX_OFFLINE_AFTER_SECONDS, seconds)));
        } catch (NumberFormatException e) {
            return ApiTimeouts.DEFAULT_OFFLINE_AFTER;
        }
    }

    /** Stores a new wait; throws IllegalArgumentException with a plain sentence when out of range. */
    public void setOfflineAfter(int seconds) {
        if (seconds < 1 || seconds > MAX_OFFLINE_AFTER_SECONDS) {
            throw new IllegalArgumentException("Choose between 1 and " + MAX_OFFLINE_AFTER_SECONDS + " seconds.");
        }
        store.saveSetting(OFFLINE_AFTER, Integer.toString(seconds));
    }

    public long refundLimitMinor() {
        try {
            return Math.max(0, Long.parseLong(store.setting(REFUND_LIMIT, Long.toString(DEFAULT_REFUND_LIMIT_MINOR))));
        } catch (NumberFormatException e) {
            return DEFAULT_REFUND_LIMIT_MINOR;
        }
    }

    public void setRefundLimitMinor(long minor) {
        if (minor < 0) {
            throw new IllegalArgumentException("The offline refund limit cannot be negative.");
        }
        store.saveSetting(REFUND_LIMIT, Long.toString(minor));
    }
}
