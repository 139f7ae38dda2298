package com.admitone.server.keys;

import java.time.Instant;

/** A key gates verify tickets with: its id, whose it is, the public key in Base64. */
public record PublicKeyView(String keyId, String owner, String deviceId, String publicKey, Instant createdAt,
                            Instant retiredAt, boolean revoked) {
}
