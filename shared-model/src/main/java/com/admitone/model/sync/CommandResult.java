package com.admitone.model.sync;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What became of one command. A repeated idempotency key gets the stored result back unchanged,
 * with {@code replayed} true.
 *
 * @param status  APPLIED, REJECTED (final: the device must not retry) or CONFLICT (staff decide)
 * @param code    the stable error code when not applied
 * @param data    what the command created (hold expiry, order number, ticket tokens...)
 * @param seq     the change-feed sequence of the command's last change, or 0 if it changed nothing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandResult(UUID key, Status status, String code, String message, Map<String, Object> data,
                            long seq, Instant appliedAt, boolean replayed) {

    public enum Status { APPLIED, REJECTED, CONFLICT }

    public CommandResult asReplay() {
        return new CommandResult(key, status, code, message, data, seq, appliedAt, true);
    }
}
