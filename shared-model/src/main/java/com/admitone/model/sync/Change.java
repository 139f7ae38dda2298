package com.admitone.model.sync;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the change feed: the new state of one thing after an authoritative change.
 * {@code deleted} entries carry no data. Applying the same change twice leaves the same state.
 *
 * @param entity what kind of thing (see {@link ChangeEntity})
 * @param id     its id, unique within the entity kind
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(long seq, String entity, String id, boolean deleted, Map<String, Object> data, Instant at) {
}
