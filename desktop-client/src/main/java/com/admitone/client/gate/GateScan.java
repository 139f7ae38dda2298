package com.admitone.client.gate;

import com.admitone.model.gate.GateVerdict;
import com.admitone.model.gate.Verdict;

import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of one scan as the gate screen shows it: the verdict and, for a genuine ticket, the
 * place (seat label or area name) and price type, plus the gate's running counts.
 *
 * @param place    seat label or area name, or null when unknown or unreadable
 * @param admitted open admissions to the performance after this scan
 * @param expected valid tickets for the performance in the replica
 */
public record GateScan(UUID scanId, Instant at, GateVerdict verdict, String place, long admitted, long expected) {

    public Verdict kind() {
        return verdict.verdict();
    }
}
