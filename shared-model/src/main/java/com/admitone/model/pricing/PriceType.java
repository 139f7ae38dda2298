package com.admitone.model.pricing;

import java.util.Locale;

/**
 * Kinds of ticket a price list can price. The order of the constants is part of the ticket token
 * format ({@link #code()}): append new ones, never reorder.
 */
public enum PriceType {
    ADULT, CHILD, CONCESSION, STUDENT, TEACHER, SENIOR, COMPLIMENTARY, FAMILY, GROUP;

    public int code() {
        return ordinal();
    }

    public static PriceType fromCode(int code) {
        PriceType[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("unknown price type code " + code);
        }
        return all[code];
    }

    public String label() {
        String lower = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
