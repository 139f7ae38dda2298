package com.admitone.client.ui.boxoffice;

import com.admitone.client.ui.common.AmountText;
import com.admitone.model.order.PaymentMethod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentEntryTest {
    @Test
    void blankCashTenderedIsTheExactAmount() {
        PaymentEntry cash = PaymentEntry.taking(PaymentMethod.CASH, 2450, " ", "");
        assertThat(cash.tenderedMinor()).isEqualTo(2450L);
        assertThat(cash.changeMinor()).isZero();
        assertThat(cash.problem()).isNull();
    }

    @Test
    void cashTenderedAboveTheAmountGivesChange() {
        PaymentEntry cash = PaymentEntry.taking(PaymentMethod.CASH, 2450, "30,00", "");
        assertThat(cash.tenderedMinor()).isEqualTo(3000L);
        assertThat(cash.changeMinor()).isEqualTo(550);
        assertThat(cash.toBasketPayment().changeMinor()).isEqualTo(550);
    }

    @Test
    void cashTenderedBelowTheAmountIsNotEnough() {
        PaymentEntry cash = PaymentEntry.taking(PaymentMethod.CASH, 2450, "20", "");
        assertThat(cash.tenderedCovers()).isFalse();
        assertThat(cash.problem()).isEqualTo(PaymentEntry.Problem.NOT_ENOUGH_TENDERED);
    }

    @Test
    void cashTenderedThatIsNotAnAmountIsRefusedWithASentence() {
        assertThatThrownBy(() -> PaymentEntry.taking(PaymentMethod.CASH, 2450, "lots", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("\"lots\" is not an amount.");
    }

    @Test
    void aCardPaymentNeedsTheTerminalsReferenceButNoTenderedCash() {
        PaymentEntry card = PaymentEntry.taking(PaymentMethod.CARD, 2450, "not read for a card", " ");
        assertThat(card.tenderedMinor()).isNull();
        assertThat(card.problem()).isEqualTo(PaymentEntry.Problem.NO_CARD_REFERENCE);
        assertThat(PaymentEntry.taking(PaymentMethod.CARD, 2450, "", "T-123").problem()).isNull();
        assertThat(PaymentEntry.payingBack(PaymentMethod.CARD, 500, "").problem()).isEqualTo(PaymentEntry.Problem.NO_CARD_REFERENCE);
    }

    @Test
    void anInvoiceReferenceIsOptional() {
        assertThat(PaymentEntry.taking(PaymentMethod.INVOICE, 2450, "", "").problem()).isNull();
    }

    @Test
    void cashPaidBackTakesNothingFromTheCustomer() {
        PaymentEntry payout = PaymentEntry.payingBack(PaymentMethod.CASH, 500, "");
        assertThat(payout.tenderedMinor()).isNull();
        assertThat(payout.changeMinor()).isZero();
        assertThat(payout.problem()).isNull();
    }

    @Test
    void amountsReadAsTypedAndPrefillAsTheyParseBack() {
        assertThat(AmountText.toMinor("")).isZero();
        assertThat(AmountText.toMinor("£12.5")).isEqualTo(1250);
        assertThat(AmountText.toMinor("12,50")).isEqualTo(1250);
        assertThat(AmountText.toMinor(AmountText.of(1205))).isEqualTo(1205);
    }
}
