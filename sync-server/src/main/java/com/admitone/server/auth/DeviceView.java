package com.admitone.server.auth;

import java.time.Instant;

/** A device as managers see it, with its last clock skew (device time minus server time). */
public record DeviceView(String id, String name, String status, Instant enrolledAt, Instant revokedAt,
                         Instant lastSeenAt, Long lastSkewMillis) {
}
