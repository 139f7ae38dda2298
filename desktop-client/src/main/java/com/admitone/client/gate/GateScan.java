package com.admitone.client.gate;

import com.admitone.model.gate.GateVerdict;
import com.admitone.model.gate.Verdict;

import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of one scan as the gate screen shows it: the verdict and, for a genuine ticket, the
 * place (seat label or area name); the price type is in the verdict's token.
 *
 * @param place seat label or area name, or null when unknown or unreadable
 */
public record GateScan(UUID scanId, Instant at, GateVerdict verdict, String place) {

    public Verdict kind() {
        return verdict.verdict();
    }
}
