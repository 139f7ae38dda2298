package com.admitone.model.order;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Order numbers short enough to read over the phone: six characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L, U), shown as {@code K7Q-3MX}. 30^6 is about 729 million, so a
 * venue's numbers rarely collide; the server retries on the rare clash.
 */
public final class OrderNumber {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final RandomGenerator RANDOM = new SecureRandom();

    private OrderNumber() {
    }

    public static String next() {
        char[] out = new char[7];
        for (int i = 0; i < 7; i++) {
            out[i] = i == 3 ? '-' : ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(out);
    }

    /** Normalises what staff type or read out: case, spaces and a missing dash. */
    public static String normalise(String typed) {
        StringBuilder sb = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (ALPHABET.indexOf(c) >= 0) {
                sb.append(c);
            } else if (Character.isLetterOrDigit(c)) {
                return typed.trim();
            }
        }
        if (sb.length() != 6) {
            return typed.trim();
        }
        return sb.substring(0, 3) + "-" + sb.substring(3);
    }

    public static boolean isWellFormed(String value) {
        if (value == null || value.length() != 7 || value.charAt(3) != '-') {
            return false;
        }
        for (int i = 0; i < 7; i++) {
            if (i != 3 && ALPHABET.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
