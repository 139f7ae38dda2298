package com.admitone.model.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Commands sent together, applied in order, each on its own (one failing does not undo the others).
 *
 * <p>{@code sentAt} is the device's clock when it sent this batch. Each envelope's
 * {@code deviceTime} says when the command was made, which for an offline sale may be hours
 * earlier; only the send time, compared with the server's receive time, measures how far the
 * device's clock is off. Without it the server measures no skew.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandBatch(List<CommandEnvelope> commands, Instant sentAt) {
    public static final int MAX_COMMANDS = 1000;
    /** A device clock further off the server's than this is reported (log, audit trail, device list). */
    public static final Duration LARGE_SKEW = Duration.ofMinutes(1);

    @JsonCreator
    public CommandBatch {
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    /** A batch without the device's send time (scripts, old clients): no skew is measured from it. */
    public CommandBatch(List<CommandEnvelope> commands) {
        this(commands, null);
    }

    /** Whether a skew of {@code millis} (device minus server) counts as large. */
    public static boolean isLargeSkew(long millis) {
        return Math.abs(millis) > LARGE_SKEW.toMillis();
    }
}
