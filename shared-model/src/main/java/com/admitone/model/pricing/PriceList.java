package com.admitone.model.pricing;

import com.admitone.model.money.Money;

import java.util.Map;
import java.util.Optional;

/**
 * The prices of one performance: for each price zone (stalls A, circle, ...) and price type
 * (adult, child, ...) one amount. A sale whose line price differs from this list is refused
 * ({@code PRICE_MISMATCH}), so a tampered or stale client cannot sell at its own price.
 */
public record PriceList(String currency, Map<String, Map<PriceType, Long>> minorByZone) {

    public PriceList {
        minorByZone = Map.copyOf(minorByZone);
    }

    public Optional<Money> price(String zone, PriceType type) {
        Map<PriceType, Long> byType = minorByZone.get(zone);
        if (byType == null) {
            return Optional.empty();
        }
        Long minor = byType.get(type);
        return minor == null ? Optional.empty() : Optional.of(Money.of(minor, currency));
    }
}
