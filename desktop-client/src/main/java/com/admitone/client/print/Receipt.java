package com.admitone.client.print;

import com.admitone.model.money.Money;
import com.admitone.model.order.PaymentMethod;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything printed on an order's receipt, as plain values. Prices include tax; the receipt
 * shows how much of the total is tax from the venue's rate in basis points (2000 = 20 %).
 *
 * @param venueDetails lines under the venue name: address, tax registration number
 * @param taxLabel     what the tax is called on the receipt, e.g. "VAT"
 */
public record Receipt(String venueName, List<String> venueDetails, String orderNumber, List<Line> lines,
                      List<Discount> discounts, int taxRateBasisPoints, String taxLabel, List<Payment> payments,
                      String cashier, String device, Instant time, ZoneId zone, String currency, boolean provisional,
                      Locale locale) {

    public Receipt {
        Objects.requireNonNull(venueName, "venueName");
        venueDetails = List.copyOf(venueDetails);
        Objects.requireNonNull(orderNumber, "orderNumber");
        lines = List.copyOf(lines);
        discounts = List.copyOf(discounts);
        payments = List.copyOf(payments);
        Objects.requireNonNull(taxLabel, "taxLabel");
        Objects.requireNonNull(cashier, "cashier");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(locale, "locale");
        if (taxRateBasisPoints < 0 || taxRateBasisPoints > 10_000) {
            throw new IllegalArgumentException("tax rate must be 0 to 10000 basis points: " + taxRateBasisPoints);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a receipt has at least one line");
        }
    }

    /** {@code quantity} times {@code unitPrice}, e.g. "Adult, The Tempest, Sat 14 Dec 19:30". */
    public record Line(String description, int quantity, Money unitPrice) {
        public Line {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(unitPrice, "unitPrice");
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be at least 1");
            }
        }

        public Money total() {
            return unitPrice.times(quantity);
        }
    }

    /** An amount taken off the order; {@code amount} is positive. */
    public record Discount(String description, Money amount) {
        public Discount {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(amount, "amount");
            if (amount.isNegative()) {
                throw new IllegalArgumentException("a discount is a positive amount taken off");
            }
        }
    }

    /** Money taken; for cash the amount tendered, so the receipt can show the change. */
    public record Payment(PaymentMethod method, Money amount, String reference) {
        public Payment {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(amount, "amount");
        }
    }
}
