package com.admitone.model.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * An amount of money in integer minor units (cents, pence) of one currency. Never a double:
 * sums, refunds and cash-up totals must add up to the cent on every device.
 */
public record Money(@JsonProperty("minor") long minor, @JsonProperty("currency") String currency) implements Comparable<Money> {

    @JsonCreator
    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.length() != 3) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
        }
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minor, quantity), currency);
    }

    @JsonIgnore
    public boolean isNegative() {
        return minor < 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return minor == 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot mix " + currency + " and " + other.currency);
        }
    }

    /** Plain display with two decimals, e.g. {@code GBP 12.50}; the client formats by locale. */
    @Override
    public String toString() {
        // Split before taking the absolute value: Math.abs(Long.MIN_VALUE) is still negative.
        long units = Math.abs(minor / 100);
        long cents = Math.abs(minor % 100);
        return (minor < 0 ? "-" : "") + currency + " " + units + "." + String.format("%02d", cents);
    }
}
