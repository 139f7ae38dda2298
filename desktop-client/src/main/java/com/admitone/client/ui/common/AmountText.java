package com.admitone.client.ui.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts as the cashier types them ("12.50", "12,50", "£12") and as a field is pre-filled
 * ("12.50"), in minor units with two decimals. Shared by payments, discounts and the offline refund
 * limit in Settings, so every money field reads the same way.
 */
public final class AmountText {
    private AmountText() {
    }

    /** Blank is zero; anything but digits and one decimal point or comma is ignored. */
    public static long toMinor(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String s = text.trim().replace(',', '.').replaceAll("[^0-9.]", "");
        if (s.isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\" is not an amount.");
        }
        try {
            return new BigDecimal(s).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an amount.");
        }
    }

    /** Without currency or grouping, so the cashier can edit it and it parses back. */
    public static String of(long minor) {
        return BigDecimal.valueOf(minor).movePointLeft(2).toPlainString();
    }
}
