package com.admitone.client.sales;

import com.admitone.client.sync.ServerApi;
import com.admitone.model.auth.Role;
import com.admitone.model.order.ExchangeCredit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each venue's limit above which a refund or an exchange pay-out needs a manager's approval. The
 * server decides (it refuses an unapproved large pay-out with APPROVAL_REQUIRED); the counter asks it
 * for the limit so it can ask for the manager's password before sending, and remembers the last
 * answer for when the server cannot be reached. Blocking: call off the JavaFX thread.
 */
public final class RefundApprovalLimits {
    /** The server's limit for a venue nobody changed: 100.00. */
    public static final long DEFAULT_MINOR = 10_000;

    private final Supplier<ServerApi> api;
    private final Supplier<Boolean> online;
    private final Map<Long, Long> known = new ConcurrentHashMap<>();

    public RefundApprovalLimits(Supplier<ServerApi> api, Supplier<Boolean> online) {
        this.api = api;
        this.online = online;
    }

    public long limitFor(long venueId) {
        ServerApi server = api.get();
        if (server != null && server.hasToken() && Boolean.TRUE.equals(online.get())) {
            try {
                long limit = server.refundPolicy(venueId).approvalAboveMinor();
                known.put(venueId, limit);
                return limit;
            } catch (RuntimeException e) {
                // the last answer, or the default, below
            }
        }
        return known.getOrDefault(venueId, DEFAULT_MINOR);
    }

    /** Whether {@code payoutMinor} needs another person's approval when {@code role} sends it. */
    public boolean needsApproval(long venueId, long payoutMinor, Role role) {
        if (role == Role.MANAGER || role == Role.ADMIN) {
            return false;
        }
        return ExchangeCredit.needsApproval(payoutMinor, limitFor(venueId));
    }
}
