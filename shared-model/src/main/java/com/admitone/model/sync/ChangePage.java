package com.admitone.model.sync;

import java.util.List;

/**
 * A page of the change feed after a cursor. Apply the changes, store {@code next} as the new
 * cursor in the same transaction, and ask again while {@code more} is true.
 */
public record ChangePage(List<Change> changes, long next, boolean more, long latest) {
}
