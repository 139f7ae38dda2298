package com.admitone.client.gate;

import com.admitone.model.gate.GateVerdict;
import com.admitone.model.gate.Verdict;

import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of one scan as the gate screen shows it: the verdict and, for a genuine ticket, the
 * place (seat label or area name); the price type is in the verdict's token.
 *
 * @param place       seat label or area name, or null when unknown or unreadable
 * @param admittedNow how many people this scan let in (a confirmed group headcount lets in several)
 * @param headcount   for a genuine group ticket waiting for staff to count the group: how many may
 *                    still enter; nothing was recorded yet. 0 for every other scan
 */
public record GateScan(UUID scanId, Instant at, GateVerdict verdict, String place, int admittedNow, int headcount) {

    public GateScan(UUID scanId, Instant at, GateVerdict verdict, String place) {
        this(scanId, at, verdict, place, verdict.admitsNow(), 0);
    }

    public Verdict kind() {
        return verdict.verdict();
    }

    /** True while a group ticket waits for staff to confirm how many people go through. */
    public boolean awaitingHeadcount() {
        return headcount > 0;
    }
}
