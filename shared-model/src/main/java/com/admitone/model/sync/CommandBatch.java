package com.admitone.model.sync;

import java.util.List;

/** Commands sent together, applied in order, each on its own (one failing does not undo the others). */
public record CommandBatch(List<CommandEnvelope> commands) {
    public static final int MAX_COMMANDS = 1000;

    public CommandBatch {
        commands = commands == null ? List.of() : List.copyOf(commands);
    }
}
