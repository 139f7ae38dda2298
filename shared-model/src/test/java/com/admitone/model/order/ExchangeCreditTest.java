package com.admitone.model.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeCreditTest {

    @Test
    void someTicketsAreWorthWhatWasChargedForThem() {
        // two tickets of 25.00 and 30.00 paid 55.00; giving back the 25.00 one
        assertThat(ExchangeCredit.of(5500, 0, 2500, false)).isEqualTo(2500);
    }

    @Test
    void theLastTicketsCarryTheOrderDiscount() {
        // 55.00 less a 5.00 order discount: 50.00 paid; the last ticket back is worth what is left
        assertThat(ExchangeCredit.of(5000, 2500, 3000, true)).isEqualTo(2500);
    }

    @Test
    void neverMoreThanIsLeftPaid() {
        assertThat(ExchangeCredit.of(5000, 4000, 2500, false)).isEqualTo(1000);
        assertThat(ExchangeCredit.of(5000, 6000, 2500, true)).isZero();
    }

    @Test
    void approvalOnlyAboveTheLimit() {
        assertThat(ExchangeCredit.needsApproval(10000, 10000)).isFalse();
        assertThat(ExchangeCredit.needsApproval(10001, 10000)).isTrue();
        assertThat(ExchangeCredit.needsApproval(1_000_000, -1)).isFalse();
    }
}
