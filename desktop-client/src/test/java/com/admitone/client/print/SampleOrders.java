package com.admitone.client.print;

import com.admitone.model.money.Money;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.ticket.SigningKey;
import com.admitone.model.ticket.TicketToken;
import com.admitone.model.ticket.TicketTokenCodec;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Tickets and receipts for tests and for looking at: a family at The Tempest. */
final class SampleOrders {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Saturday 14 December 2024, 19:30 in London (GMT, so 19:30 UTC). */
    static final Instant CURTAIN = Instant.parse("2024-12-14T19:30:00Z");
    static final UUID TICKET_ID = UUID.fromString("3f2a9c1e-7b4d-4e0a-9a61-0c5d2e8b7f11");

    private SampleOrders() {
    }

    static String token(SigningKey key, UUID ticketId, Long seatId, Long areaId) {
        TicketToken token = new TicketToken(key.keyId(), ticketId, 4711L, seatId, areaId, PriceType.CHILD,
                CURTAIN.minus(Duration.ofHours(2)), CURTAIN.plus(Duration.ofHours(4)), 1);
        return TicketTokenCodec.encode(token, key);
    }

    static TicketFace seated(String token, boolean provisional) {
        return new TicketFace("Riverside Theatre", "The Tempest", CURTAIN, LONDON, new TicketFace.Seat("Stalls", "C", "12"),
                "Child", Money.of(2600, "GBP"), "K7Q-3MX", TICKET_ID, token, provisional, Locale.UK);
    }

    static TicketFace gallery(String token) {
        return new TicketFace("Maritime Museum", "Deep Blue: Life in the Ocean", Instant.parse("2024-07-06T09:00:00Z"),
                LONDON, new TicketFace.Area("Ocean Gallery"), "Adult", Money.of(1400, "GBP"), "H4N-8RT",
                UUID.fromString("0b7f3c52-1d2e-4a9b-8c7d-6e5f4a3b2c1d"), token, false, Locale.UK);
    }

    static Receipt familyReceipt(boolean provisional) {
        return new Receipt("Riverside Theatre", List.of("12 River Street, Exampleton EX1 2RT", "VAT no. GB 123 4567 89"),
                "K7Q-3MX",
                List.of(new Receipt.Line("Adult, The Tempest, Sat 14 Dec 19:30, Stalls C11, C13", 2, Money.of(5500, "GBP")),
                        new Receipt.Line("Child, The Tempest, Sat 14 Dec 19:30, Stalls C12", 1, Money.of(3500, "GBP")),
                        new Receipt.Line("Booking fee", 1, Money.of(200, "GBP"))),
                List.of(new Receipt.Discount("Family discount 10%", Money.of(1470, "GBP"))),
                2000, "VAT",
                List.of(new Receipt.Payment(PaymentMethod.CASH, Money.of(14000, "GBP"), null)),
                "Alex Morgan", "BOX-1", Instant.parse("2024-11-22T14:05:00Z"), LONDON, "GBP", provisional, Locale.UK);
    }
}
