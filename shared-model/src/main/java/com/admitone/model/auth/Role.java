package com.admitone.model.auth;

import java.util.Locale;

/** Staff roles. Every server route declares which of these may call it; everything else is denied. */
public enum Role {
    ADMIN, MANAGER, BOX_OFFICE, GATE, COORDINATOR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String value) {
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
