package com.admitone.client.sync;

import java.time.Duration;

/**
 * How long a call may take before the device gives up and counts as offline. Short by default: at
 * a counter a slow server must not hold up the queue, and the sync engine retries anyway.
 */
public record ApiTimeouts(Duration connect, Duration read, Duration write) {
    public static final ApiTimeouts DEFAULT = new ApiTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));

    public ApiTimeouts withRead(Duration newRead) {
        return new ApiTimeouts(connect, newRead, write);
    }
}
