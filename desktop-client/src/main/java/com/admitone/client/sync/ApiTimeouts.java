package com.admitone.client.sync;

import java.time.Duration;

/**
 * How long a call may take before the device gives up and counts as offline. Short by default: at
 * a counter a slow server must not hold up the queue, and the sync engine retries anyway.
 */
public record ApiTimeouts(Duration connect, Duration read, Duration write) {
    public static final ApiTimeouts DEFAULT = new ApiTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));

    /** The default wait before this device counts the server as gone and works offline. */
    public static final Duration DEFAULT_OFFLINE_AFTER = Duration.ofSeconds(3);

    public ApiTimeouts withRead(Duration newRead) {
        return new ApiTimeouts(connect, newRead, write);
    }

    /**
     * Timeouts for "offline after {@code wait} without an answer": connecting and each read or
     * write may take that long. The setting staff change in Settings.
     */
    public static ApiTimeouts offlineAfter(Duration wait) {
        Duration d = wait == null || wait.isNegative() || wait.isZero() ? DEFAULT_OFFLINE_AFTER : wait;
        return new ApiTimeouts(d, d, d);
    }
}
