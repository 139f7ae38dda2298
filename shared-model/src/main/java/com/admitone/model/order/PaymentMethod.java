package com.admitone.model.order;

/** How an order was paid, or a refund paid out. */
public enum PaymentMethod {
    CASH, CARD, INVOICE, ON_ACCOUNT, VOUCHER
}
