package com.admitone.server.auth;

import java.time.Instant;

/** A successful log-in: the bearer token for the session and who it is for. */
public record LoginResult(String token, Instant expiresAt, String userId, String username, String displayName,
                          String role, String deviceId) {
}
