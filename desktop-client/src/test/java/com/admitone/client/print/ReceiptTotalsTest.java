package com.admitone.client.print;

import com.admitone.model.money.Money;
import com.admitone.model.order.PaymentMethod;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptTotalsTest {

    @Test
    void addsUpTheFamilyOrder() {
        ReceiptTotals totals = ReceiptTotals.of(SampleOrders.familyReceipt(false));

        assertThat(totals.subtotal()).isEqualTo(gbp(14700));
        assertThat(totals.discounts()).isEqualTo(gbp(1470));
        assertThat(totals.total()).isEqualTo(gbp(13230));
        assertThat(totals.taxIncluded()).isEqualTo(gbp(2205));   // 13230 * 2000 / 12000, exactly
        assertThat(totals.paid()).isEqualTo(gbp(14000));
        assertThat(totals.changeDue()).isEqualTo(gbp(770));
        assertThat(totals.balanceDue()).isEqualTo(gbp(0));
    }

    @Test
    void includedTaxRoundsHalfUpToTheMinorUnit() {
        assertThat(ReceiptTotals.taxIncluded(gbp(1000), 2000)).isEqualTo(gbp(167));   // 166.67
        assertThat(ReceiptTotals.taxIncluded(gbp(3), 2000)).isEqualTo(gbp(1));       // 0.5
        assertThat(ReceiptTotals.taxIncluded(gbp(-3), 2000)).isEqualTo(gbp(-1));     // a refund mirrors a sale
        assertThat(ReceiptTotals.taxIncluded(gbp(1055), 550)).isEqualTo(gbp(55));    // 5.5 %: 54.98
        assertThat(ReceiptTotals.taxIncluded(gbp(999_999_999_999L), 0)).isEqualTo(gbp(0));
    }

    @Test
    void changeComesOnlyFromCash() {
        Receipt cardAndCash = receipt(List.of(
                new Receipt.Payment(PaymentMethod.CARD, gbp(1000), "**** 4242"),
                new Receipt.Payment(PaymentMethod.CASH, gbp(2000), null)));
        assertThat(ReceiptTotals.of(cardAndCash).changeDue()).isEqualTo(gbp(500));

        Receipt card = receipt(List.of(new Receipt.Payment(PaymentMethod.CARD, gbp(2500), null)));
        assertThat(ReceiptTotals.of(card).changeDue()).isEqualTo(gbp(0));
    }

    @Test
    void partPaymentLeavesABalance() {
        Receipt deposit = receipt(List.of(new Receipt.Payment(PaymentMethod.INVOICE, gbp(1000), "INV-0042")));
        ReceiptTotals totals = ReceiptTotals.of(deposit);
        assertThat(totals.balanceDue()).isEqualTo(gbp(1500));
        assertThat(totals.changeDue()).isEqualTo(gbp(0));
    }

    @Test
    void refusesToMixCurrencies() {
        Receipt mixed = receipt(List.of(new Receipt.Payment(PaymentMethod.CASH, Money.of(2500, "EUR"), null)));
        assertThatThrownBy(() -> ReceiptTotals.of(mixed)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Receipt receipt(List<Receipt.Payment> payments) {
        return new Receipt("Venue", List.of(), "ABC-DEF", List.of(new Receipt.Line("Adult", 1, gbp(2500))), List.of(),
                2000, "VAT", payments, "Sam", "BOX-2", Instant.parse("2024-11-22T10:00:00Z"), SampleOrders.LONDON, "GBP",
                false, Locale.UK);
    }

    private static Money gbp(long minor) {
        return Money.of(minor, "GBP");
    }
}
