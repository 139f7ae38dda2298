package com.admitone.client.print;

import com.admitone.model.money.Money;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything printed on one ticket, as plain values: the client fills it from its local store,
 * so printing needs no server and no network.
 *
 * @param startsAt    when the performance starts (UTC); printed in {@code venueZone}
 * @param place       a seat, or a general-admission area
 * @param token       the signed ticket token (see {@code docs/ticket-token.md}), printed as the QR code
 * @param provisional an offline sale the server has not confirmed yet: the ticket says so
 */
public record TicketFace(String venueName, String eventTitle, Instant startsAt, ZoneId venueZone, Place place,
                         String priceTypeLabel, Money price, String orderNumber, UUID ticketId, String token,
                         boolean provisional, Locale locale) {

    public TicketFace {
        Objects.requireNonNull(venueName, "venueName");
        Objects.requireNonNull(eventTitle, "eventTitle");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(venueZone, "venueZone");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(priceTypeLabel, "priceTypeLabel");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(locale, "locale");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a ticket needs its signed token");
        }
    }

    /** Where the ticket admits to. */
    public sealed interface Place permits Seat, Area {
    }

    /** A numbered seat: section, row and seat as the venue names them. */
    public record Seat(String section, String row, String seat) implements Place {
        public Seat {
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(seat, "seat");
        }
    }

    /** General admission to a named area (a gallery, a standing floor). */
    public record Area(String name) implements Place {
        public Area {
            Objects.requireNonNull(name, "name");
        }
    }
}
