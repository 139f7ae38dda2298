package com.admitone.model.pricing;

import com.admitone.model.money.Money;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The prices of one performance: for each price zone (stalls A, circle, ...) and price type
 * (adult, child, ...) one amount. A sale whose line price differs from this list is refused
 * ({@code PRICE_MISMATCH}), so a tampered or stale client cannot sell at its own price.
 */
public record PriceList(String currency, Map<String, Map<PriceType, Long>> minorByZone) {

    public PriceList {
        // Copy the inner maps too, so a caller's later change cannot alter the prices.
        minorByZone = minorByZone.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
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
