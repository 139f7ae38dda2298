package com.admitone.model.gate;

import com.admitone.model.ticket.VerifyingKey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything a verdict depends on besides the scanned text. The client's replica implements it
 * (and tests do with plain collections), so the same rule runs on every gate and on the server.
 * Every answer comes from local data: a verdict never waits for the network.
 */
public interface GateContext {

    /**
     * The trusted keys with this id that are not revoked: the server's current and earlier keys and
     * enrolled devices' keys. Usually one; several only if two keys share the 4-byte id. Empty when
     * the id is unknown.
     */
    List<VerifyingKey> keys(String keyId);

    /** The ticket's status as far as the replica knows; {@link TicketStatus#UNKNOWN} if never seen. */
    TicketStatus ticketStatus(UUID ticketId);

    /**
     * The admissions currently open against the ticket (entries not followed by an exit), oldest
     * first, from every gate whose scans this replica knows.
     */
    List<Admission> admissions(UUID ticketId);

    /** The performance this gate is admitting to. */
    long performanceId();

    /** This gate's name, as recorded with each scan. */
    String gate();

    /** This gate's clock. */
    Instant now();

    /** Whether this gate serves a general-admission area; by default a gate serves every area. */
    default boolean servesArea(long areaId) {
        return true;
    }

    /** How far outside a ticket's validity window the gate's clock may be (venue policy). */
    default Duration clockTolerance() {
        return Duration.ofMinutes(2);
    }
}
