package com.admitone.model.ticket;

import com.admitone.model.pricing.PriceType;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a ticket's QR code says, before signing. Exactly one of {@code seatId} and {@code areaId}
 * is set. {@code keyId} names the key that signs it: the server's or an enrolled device's.
 */
public record TicketToken(String keyId, UUID ticketId, long performanceId, Long seatId, Long areaId,
                          PriceType priceType, Instant validFrom, Instant validUntil, int admits) {

    public TicketToken {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(priceType, "priceType");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if ((seatId == null) == (areaId == null)) {
            throw new IllegalArgumentException("a ticket is for exactly one seat or one area");
        }
        if (admits < 1 || admits > 255) {
            throw new IllegalArgumentException("admits must be 1 to 255");
        }
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validUntil before validFrom");
        }
    }
}
