package com.admitone.model.sync;

import java.util.List;

/** The answer to a {@link CommandBatch}: one result per command, in the same order. */
public record CommandResults(List<CommandResult> results, long lastSeq) {
}
