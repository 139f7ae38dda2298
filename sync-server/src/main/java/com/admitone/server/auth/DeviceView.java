package com.admitone.server.auth;

import java.time.Instant;

/**
 * A device as managers see it, with its last clock skew (its clock when it sent its last measured
 * batch minus the server's when it arrived) and whether that is large enough to need fixing.
 */
public record DeviceView(String id, String name, String status, Instant enrolledAt, Instant revokedAt,
                         Instant lastSeenAt, Long lastSkewMillis, boolean clockSkewLarge) {
}
