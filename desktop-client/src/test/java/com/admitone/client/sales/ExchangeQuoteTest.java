package com.admitone.client.sales;

import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.Commands;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeQuoteTest {
    private static final String A = UUID.randomUUID().toString();
    private static final String B = UUID.randomUUID().toString();

    /** Two tickets of 42.00, paid 84.00 in cash. */
    private static Counter.OrderDetail order() {
        return new Counter.OrderDetail(UUID.randomUUID().toString(), "ABC-DEF", false, null, "PAID", 7, "The Tempest", Instant.now(),
                ZoneId.of("Europe/London"), "Grand Crescent", "GBP", 2000, 8400, 0, null, null, null, Instant.now(),
                List.of(ticket(A), ticket(B)), List.of(new Counter.PaymentRow("PAYMENT", "CASH", 8400, 10000L)));
    }

    private static Counter.TicketRow ticket(String id) {
        return new Counter.TicketRow(id, 1L, "A1", "Stalls", "A", "1", null, "ADULT", 4200, 0, "VALID", "AO1.x", "k1");
    }

    @Test
    void aDearerSeatIsPaidForWithCashAndChange() {
        List<ExchangeQuote.NewTicket> premium = List.of(new ExchangeQuote.NewTicket(9, "K9", "PREMIUM", PriceType.ADULT, 5500));
        ExchangeQuote quote = ExchangeQuote.of(order(), List.of(A), premium);

        Commands.ExchangeTickets command = quote.command(UUID.randomUUID(), order().id(), List.of(A), UUID.randomUUID(), 7, null,
                premium, PaymentMethod.CASH, 2000L, null, " aisle ");

        assertThat(quote.creditMinor()).isEqualTo(4200);
        assertThat(quote.differenceMinor()).isEqualTo(1300);
        assertThat(command.payments()).singleElement().satisfies(p -> {
            assertThat(p.amountMinor()).isEqualTo(1300);
            assertThat(p.tenderedMinor()).isEqualTo(2000L);
        });
        assertThat(command.payouts()).isEmpty();
        assertThat(command.reason()).isEqualTo("aisle");
        assertThat(command.lines()).singleElement().satisfies(l -> assertThat(l.priceMinor()).isEqualTo(5500));
    }

    @Test
    void aCheaperSeatIsPaidBackAndNeverWithTenderedCash() {
        List<ExchangeQuote.NewTicket> value = List.of(new ExchangeQuote.NewTicket(9, "Z9", "VALUE", PriceType.ADULT, 2800));
        ExchangeQuote quote = ExchangeQuote.of(order(), List.of(A, B), value);

        Commands.ExchangeTickets command = quote.command(UUID.randomUUID(), order().id(), List.of(A, B), UUID.randomUUID(), 7, null,
                value, PaymentMethod.CARD, null, "T-77", "one less");

        assertThat(quote.payoutMinor()).isEqualTo(8400 - 2800);
        assertThat(command.payments()).isEmpty();
        assertThat(command.payouts()).singleElement().satisfies(p -> {
            assertThat(p.amountMinor()).isEqualTo(5600);
            assertThat(p.method()).isEqualTo(PaymentMethod.CARD);
            assertThat(p.tenderedMinor()).isNull();
        });
    }

    @Test
    void whatARefundPaysIsWhatIsLeftPaidAtMost() {
        Counter.OrderDetail partlyRefunded = new Counter.OrderDetail(UUID.randomUUID().toString(), "ABC-DEF", false, null, "PART_REFUNDED", 7,
                "The Tempest", Instant.now(), ZoneId.of("Europe/London"), "Grand Crescent", "GBP", 2000, 8400, 500, null, null, null,
                Instant.now(), List.of(ticket(A), new Counter.TicketRow(B, 2L, "A2", "Stalls", "A", "2", null, "ADULT", 4200, 0,
                "REFUNDED", "AO1.y", "k1")),
                List.of(new Counter.PaymentRow("PAYMENT", "CASH", 7900, null), new Counter.PaymentRow("REFUND", "CASH", 4200, null)));

        // the last valid ticket carries the 5.00 order discount: 79.00 paid, 42.00 back already
        assertThat(ExchangeQuote.worth(partlyRefunded, List.of(A))).isEqualTo(3700);
    }
}
