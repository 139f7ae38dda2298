package com.admitone.model.gate;

import java.time.Instant;
import java.util.Objects;

/** One earlier admission of a ticket: when and at which gate, as shown on an "already admitted" verdict. */
public record Admission(Instant at, String gate) {
    public Admission {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(gate, "gate");
    }
}
