package com.admitone.model.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * One command as a device sends it: its idempotency key (a UUID the device made when the command
 * was first written to its outbox) and the device's clock at that moment, kept so skew shows.
 */
public record CommandEnvelope(UUID key, Instant deviceTime, Command command) {
}
