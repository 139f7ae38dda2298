package com.admitone.client.print;

import com.admitone.model.money.Money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * Formats {@link Money} for people, in a locale: {@code £12.50}, {@code 12,50 €}. The amount goes
 * to the formatter as an exact {@link BigDecimal} made from the minor units, never through a
 * double, so what is printed is exactly what was added up.
 */
public final class MoneyFormat {
    private final Locale locale;

    public MoneyFormat(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    public Locale locale() {
        return locale;
    }

    public String format(Money money) {
        Currency currency = Currency.getInstance(money.currency());
        int digits = fractionDigits(currency);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        if (format instanceof DecimalFormat decimal) {
            decimal.setParseBigDecimal(true);
        }
        return format.format(BigDecimal.valueOf(money.minor(), digits));
    }

    /** Minor units per major unit as a power of ten: 2 for GBP and EUR, 0 for JPY. */
    static int fractionDigits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return Math.max(digits, 0);
    }
}
