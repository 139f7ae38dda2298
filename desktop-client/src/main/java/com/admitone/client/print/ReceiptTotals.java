package com.admitone.client.print;

import com.admitone.model.money.Money;
import com.admitone.model.order.PaymentMethod;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The sums a receipt prints, in integer minor units. Tax is included in the prices, so the tax
 * part of a total T at rate r basis points is T * r / (10000 + r), rounded half up to the minor
 * unit. Change is given only from cash: a card is charged exactly.
 */
public record ReceiptTotals(Money subtotal, Money discounts, Money total, Money taxIncluded, Money paid,
                            Money changeDue, Money balanceDue) {

    public static ReceiptTotals of(Receipt receipt) {
        String currency = receipt.currency();
        Money subtotal = Money.zero(currency);
        for (Receipt.Line line : receipt.lines()) {
            subtotal = subtotal.plus(line.total());
        }
        Money discounts = Money.zero(currency);
        for (Receipt.Discount discount : receipt.discounts()) {
            discounts = discounts.plus(discount.amount());
        }
        Money total = subtotal.minus(discounts);
        Money paid = Money.zero(currency);
        Money cash = Money.zero(currency);
        for (Receipt.Payment payment : receipt.payments()) {
            paid = paid.plus(payment.amount());
            if (payment.method() == PaymentMethod.CASH) {
                cash = cash.plus(payment.amount());
            }
        }
        Money zero = Money.zero(currency);
        Money over = paid.minus(total);
        Money change = over.compareTo(zero) > 0 ? min(over, cash) : zero;
        Money balance = over.isNegative() ? over.times(-1) : zero;
        return new ReceiptTotals(subtotal, discounts, total, taxIncluded(total, receipt.taxRateBasisPoints()),
                paid, change, balance);
    }

    /** The tax contained in a tax-inclusive amount, rounded half up (away from zero for refunds). */
    static Money taxIncluded(Money gross, int rateBasisPoints) {
        BigDecimal tax = BigDecimal.valueOf(gross.minor())
                .multiply(BigDecimal.valueOf(rateBasisPoints))
                .divide(BigDecimal.valueOf(10_000L + rateBasisPoints), 0, RoundingMode.HALF_UP);
        return Money.of(tax.longValueExact(), gross.currency());
    }

    private static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
