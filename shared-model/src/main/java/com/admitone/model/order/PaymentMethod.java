package com.admitone.model.order;

/**
 * How an order was paid, or a refund paid out. {@link #EXCHANGE} is the credit an exchange moves from
 * the old order to the new one; only the server records it, a device never pays with it.
 */
public enum PaymentMethod {
    CASH, CARD, INVOICE, ON_ACCOUNT, VOUCHER, EXCHANGE
}
