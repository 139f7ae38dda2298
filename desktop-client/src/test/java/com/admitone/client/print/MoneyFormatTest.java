package com.admitone.client.print;

import com.admitone.model.money.Money;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyFormatTest {

    @Test
    void formatsInTheLocale() {
        assertThat(new MoneyFormat(Locale.UK).format(Money.of(123456, "GBP"))).isEqualTo("\u00a31,234.56");
        assertThat(new MoneyFormat(Locale.GERMANY).format(Money.of(123456, "EUR"))).isEqualTo("1.234,56\u00a0\u20ac");
        assertThat(new MoneyFormat(Locale.US).format(Money.of(-505, "USD"))).isEqualTo("-$5.05");
    }

    @Test
    void usesTheCurrencysMinorUnits() {
        assertThat(new MoneyFormat(Locale.JAPAN).format(Money.of(1500, "JPY"))).isEqualTo("\uffe51,500");
    }

    @Test
    void exactForAmountsADoubleCannotHold() {
        // 2^53 + 1 minor units: a double would round it.
        assertThat(new MoneyFormat(Locale.UK).format(Money.of(9_007_199_254_740_993L, "GBP")))
                .isEqualTo("\u00a390,071,992,547,409.93");
    }
}
