package com.admitone.server.feed;

/** A change made in the current transaction, numbered when the transaction finishes. */
record PendingChange(String entity, String id, Object data) {
}
