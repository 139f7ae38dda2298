package com.admitone.model.order;

/**
 * What tickets given back are worth: the amount a refund pays out, and the credit an exchange carries
 * to the new tickets. The server applies it; the counter shows the same figure before it asks.
 *
 * <p>Tickets are worth what was charged for them (price less line discount), never more than is left
 * paid on the order. The order discount comes off the last tickets given back, so a whole order never
 * pays back more than it took.
 */
public final class ExchangeCredit {
    private ExchangeCredit() {
    }

    /**
     * @param paidInMinor  everything paid into the order
     * @param paidOutMinor everything paid back (or credited away) from it
     * @param ticketsMinor the net value of the tickets given back
     * @param lastTickets  true when these are all the order's valid tickets
     */
    public static long of(long paidInMinor, long paidOutMinor, long ticketsMinor, boolean lastTickets) {
        long left = Math.max(0, paidInMinor - paidOutMinor);
        return Math.min(left, lastTickets ? left : ticketsMinor);
    }

    /** Whether a pay-out needs a manager's approval: strictly above the venue's limit (a limit below zero means never). */
    public static boolean needsApproval(long payoutMinor, long approvalLimitMinor) {
        return approvalLimitMinor >= 0 && payoutMinor > approvalLimitMinor;
    }
}
