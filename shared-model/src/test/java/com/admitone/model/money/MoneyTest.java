package com.admitone.model.money;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static Money gbp(long minor) {
        return Money.of(minor, "GBP");
    }

    @Test
    void addsSubtractsAndMultipliesInMinorUnits() {
        assertThat(gbp(1250).plus(gbp(375))).isEqualTo(gbp(1625));
        assertThat(gbp(1250).minus(gbp(2000))).isEqualTo(gbp(-750));
        assertThat(gbp(1250).times(3)).isEqualTo(gbp(3750));
        assertThat(gbp(1250).times(0)).isEqualTo(Money.zero("GBP"));
        assertThat(gbp(1250).times(-1)).isEqualTo(gbp(-1250));
    }

    @Test
    void tenThousandTicketsAtTenPenceAddUpExactly() {
        Money total = Money.zero("GBP");
        for (int i = 0; i < 10_000; i++) {
            total = total.plus(gbp(10));
        }
        assertThat(total).isEqualTo(gbp(100_000));
    }

    @Test
    void predicates() {
        assertThat(Money.zero("EUR").isZero()).isTrue();
        assertThat(Money.zero("EUR").isNegative()).isFalse();
        assertThat(Money.of(-1, "EUR").isNegative()).isTrue();
        assertThat(Money.of(-1, "EUR").isZero()).isFalse();
        assertThat(Money.of(1, "EUR").isNegative()).isFalse();
    }

    @Test
    void valueSemantics() {
        assertThat(gbp(500)).isEqualTo(new Money(500, "GBP")).hasSameHashCodeAs(new Money(500, "GBP"));
        assertThat(gbp(500)).isNotEqualTo(Money.of(500, "EUR"));
        assertThat(gbp(500).minor()).isEqualTo(500);
        assertThat(gbp(500).currency()).isEqualTo("GBP");
    }

    @Test
    void currencyIsRequiredAndThreeLetters() {
        assertThatThrownBy(() -> Money.of(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Money.of(1, "GB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "GBPX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.zero("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mixingCurrenciesIsRejected() {
        Money eur = Money.of(100, "EUR");
        assertThatThrownBy(() -> gbp(100).plus(eur)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GBP").hasMessageContaining("EUR");
        assertThatThrownBy(() -> gbp(100).minus(eur)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gbp(100).compareTo(eur)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        assertThatThrownBy(() -> gbp(Long.MAX_VALUE).plus(gbp(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> gbp(Long.MIN_VALUE).minus(gbp(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> gbp(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> gbp(Long.MIN_VALUE).times(-1)).isInstanceOf(ArithmeticException.class);
        assertThat(gbp(Long.MAX_VALUE).minus(gbp(Long.MAX_VALUE))).isEqualTo(gbp(0));
    }

    @Test
    void comparesWithinOneCurrency() {
        List<Money> list = new ArrayList<>(List.of(gbp(300), gbp(-5), gbp(120), gbp(0)));
        Collections.sort(list);
        assertThat(list).containsExactly(gbp(-5), gbp(0), gbp(120), gbp(300));
        assertThat(gbp(5).compareTo(gbp(5))).isZero();
    }

    @Test
    void toStringShowsTwoDecimals() {
        assertThat(gbp(1250)).hasToString("GBP 12.50");
        assertThat(gbp(5)).hasToString("GBP 0.05");
        assertThat(gbp(0)).hasToString("GBP 0.00");
        assertThat(gbp(100)).hasToString("GBP 1.00");
        assertThat(gbp(-1)).hasToString("-GBP 0.01");
        assertThat(gbp(-123456)).hasToString("-GBP 1234.56");
        assertThat(gbp(Long.MAX_VALUE)).hasToString("GBP 92233720368547758.07");
        assertThat(gbp(Long.MIN_VALUE)).hasToString("-GBP 92233720368547758.08");
    }

    @Test
    void jsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(gbp(-750));
        assertThat(json.readTree(text)).isEqualTo(json.readTree("{\"minor\":-750,\"currency\":\"GBP\"}"));
        assertThat(json.readValue(text, Money.class)).isEqualTo(gbp(-750));
    }
}
