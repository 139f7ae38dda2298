package com.admitone.client.gate;

import com.admitone.model.gate.ScanMode;

import java.util.Objects;

/** What this gate is doing: which performance it admits to, its name, and entry or exit. */
public record GateSettings(long performanceId, String gate, ScanMode mode) {
    public GateSettings {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(mode, "mode");
    }

    public GateSettings withMode(ScanMode next) {
        return new GateSettings(performanceId, gate, next);
    }
}
