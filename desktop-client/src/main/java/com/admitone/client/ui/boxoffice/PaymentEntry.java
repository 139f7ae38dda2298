package com.admitone.client.ui.boxoffice;

import com.admitone.client.sales.Basket;
import com.admitone.client.ui.common.AmountText;
import com.admitone.model.order.PaymentMethod;

/**
 * One payment as typed at the counter, for a sale (one part of a split payment) or for the
 * difference of an exchange. It holds the rules both screens apply, so they cannot drift apart:
 * blank cash tendered means the exact amount, the cash tendered must cover the amount and the
 * rest is change, and a card payment needs the terminal's reference. Each screen words the
 * {@link Problem} in its own sentence and focuses its own field.
 *
 * @param tenderedMinor the cash handed over; null unless cash is taken from the customer
 */
record PaymentEntry(PaymentMethod method, long amountMinor, Long tenderedMinor, String reference) {

    /** Why the payment cannot be taken yet. */
    enum Problem { NOT_ENOUGH_TENDERED, NO_CARD_REFERENCE }

    /**
     * Money taken from the customer.
     *
     * @throws IllegalArgumentException (with a sentence for the cashier) if the cash tendered is not an amount
     */
    static PaymentEntry taking(PaymentMethod method, long amountMinor, String tenderedText, String reference) {
        Long tendered = null;
        if (method == PaymentMethod.CASH) {
            tendered = tenderedText == null || tenderedText.isBlank() ? amountMinor : AmountText.toMinor(tenderedText);
        }
        return new PaymentEntry(method, amountMinor, tendered, reference);
    }

    /** Money paid back to the customer: nothing is tendered. */
    static PaymentEntry payingBack(PaymentMethod method, long amountMinor, String reference) {
        return new PaymentEntry(method, amountMinor, null, reference);
    }

    boolean tenderedCovers() {
        return tenderedMinor == null || tenderedMinor >= amountMinor;
    }

    long changeMinor() {
        return toBasketPayment().changeMinor(); // the rule lives with the sale's payment line
    }

    /** The first thing that stops the payment, or null when it can be taken. */
    Problem problem() {
        if (!tenderedCovers()) {
            return Problem.NOT_ENOUGH_TENDERED;
        }
        if (method == PaymentMethod.CARD && (reference == null || reference.isBlank())) {
            return Problem.NO_CARD_REFERENCE;
        }
        return null;
    }

    /** The sale's payment line, the reference as typed (the sale's command trims it). */
    Basket.Payment toBasketPayment() {
        return new Basket.Payment(method, amountMinor, tenderedMinor, reference);
    }
}
