package com.admitone.server.sales;

import com.admitone.model.auth.Role;
import com.admitone.model.order.ExchangeCredit;
import com.admitone.model.problem.ErrorCode;
import com.admitone.server.auth.AuthService;
import com.admitone.server.auth.Principal;
import com.admitone.server.http.ApiException;
import com.admitone.server.storage.Sql;
import com.admitone.server.sync.WriteContext;
import com.admitone.server.sync.Writer;
import org.hibernate.Session;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Manager approval of large refunds (issue 3: "a manager approves above a configurable amount").
 * Each venue has a limit; a refund or exchange that pays out more needs an approval recorded for
 * that command's id before the command arrives. A manager gives it at the counter with their own
 * username and password ({@code POST /api/approvals}); the password never enters the outbox. A
 * manager or admin sending the command themselves needs no second approval.
 */
public final class RefundApprovals {
    /** The limit a venue starts with: 100.00 in its currency. */
    public static final long DEFAULT_LIMIT_MINOR = 10_000;

    private final AuthService auth;
    private final Writer writer;

    public RefundApprovals(AuthService auth, Writer writer) {
        this.auth = auth;
        this.writer = writer;
    }

    public record ApprovalRequest(UUID commandId, String username, String password, Long amountMinor) {
    }

    public record Approval(String commandId, String approvedBy, long maxMinor) {
    }

    public record Policy(long venueId, long approvalAboveMinor) {
    }

    /** Checks the manager's credentials and records their approval of one command's pay-out. */
    public Approval approve(Principal counter, ApprovalRequest request) {
        if (request == null || request.commandId() == null || request.amountMinor() == null || request.amountMinor() <= 0) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "An approval names the refund or exchange id and a positive amount.");
        }
        AuthService.Confirmed manager = auth.confirm(request.username(), request.password());
        if (manager.role() != Role.MANAGER && manager.role() != Role.ADMIN) {
            throw new ApiException(ErrorCode.FORBIDDEN_ROLE, manager.username() + " is not a manager and cannot approve refunds.");
        }
        String commandId = request.commandId().toString();
        long max = request.amountMinor();
        writer.write(counter, ctx -> {
            Session session = ctx.session();
            List<String> owners = Sql.query(session, "SELECT device_id FROM refund_approval WHERE command_id IN (?*)",
                    List.of(commandId), row -> row.getString(1));
            if (!owners.isEmpty() && !owners.get(0).equals(counter.deviceId())) {
                throw new ApiException(ErrorCode.DUPLICATE_ID, "That refund was approved on another counter.");
            }
            if (owners.isEmpty()) {
                session.createNativeMutationQuery("INSERT INTO refund_approval (command_id, manager_user_id, device_id, max_minor, "
                                + "created_ms) VALUES (:id, :manager, :device, :max, :at)")
                        .setParameter("id", commandId).setParameter("manager", manager.userId())
                        .setParameter("device", counter.deviceId()).setParameter("max", max)
                        .setParameter("at", ctx.now().toEpochMilli()).executeUpdate();
            } else {
                Sql.update(session, "UPDATE refund_approval SET manager_user_id = ?, max_minor = ?, created_ms = ? "
                        + "WHERE command_id IN (?*)", List.of(commandId), manager.userId(), max, ctx.now());
            }
            ctx.audit("approve_refund", "command", commandId, Map.of("approvedBy", manager.username(), "maxMinor", max));
            return null;
        });
        return new Approval(commandId, manager.username(), max);
    }

    public Policy policy(long venueId) {
        Long limit = writer.database().read(s -> limitOfVenue(s, venueId));
        if (limit == null) {
            throw new ApiException(ErrorCode.NOT_FOUND, "There is no venue " + venueId + ".");
        }
        return new Policy(venueId, limit);
    }

    /** Sets a venue's limit; -1 turns approvals off. */
    public Policy setPolicy(Principal by, long venueId, Long approvalAboveMinor) {
        if (approvalAboveMinor == null || approvalAboveMinor < -1) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "approvalAboveMinor is an amount in minor units, or -1 for never.");
        }
        policy(venueId);
        writer.write(by, ctx -> {
            Sql.update(ctx.session(), "UPDATE venue SET refund_approval_minor = ? WHERE id IN (?*)", List.of(venueId), approvalAboveMinor);
            ctx.forget(LimitsKey.INSTANCE);
            ctx.audit("refund_approval_limit", "venue", venueId, Map.of("approvalAboveMinor", approvalAboveMinor));
            return null;
        });
        return new Policy(venueId, approvalAboveMinor);
    }

    /**
     * Inside a refund or exchange: refuses a pay-out above the venue's limit that no manager approved
     * for this command. Answers who approved (null when no approval was needed).
     */
    static String require(WriteContext ctx, long performanceId, UUID commandId, long payoutMinor) {
        Session session = ctx.session();
        // Read once per performance and transaction: a group of refunds asks for the same few limits.
        Map<Long, Long> known = ctx.remember(LimitsKey.INSTANCE, HashMap::new);
        long limit = known.computeIfAbsent(performanceId, id -> {
            List<Long> limits = Sql.query(session, "SELECT v.refund_approval_minor FROM venue v JOIN performance p "
                    + "ON p.venue_id = v.id WHERE p.id IN (?*)", List.of(id), row -> row.getLong(1));
            return limits.isEmpty() ? DEFAULT_LIMIT_MINOR : limits.get(0);
        });
        if (!ExchangeCredit.needsApproval(payoutMinor, limit)) {
            return null;
        }
        Principal principal = ctx.principal();
        if (principal.role() == Role.MANAGER || principal.role() == Role.ADMIN) {
            return principal.username();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("limitMinor", limit);
        details.put("payoutMinor", payoutMinor);
        if (commandId != null) {
            List<String> approvedBy = Sql.query(session, "SELECT u.username FROM refund_approval a JOIN staff_user u "
                            + "ON u.id = a.manager_user_id WHERE a.device_id = ? AND a.max_minor >= ? AND a.command_id IN (?*)",
                    List.of(commandId.toString()), row -> row.getString(1), principal.deviceId(), payoutMinor);
            if (!approvedBy.isEmpty()) {
                return approvedBy.get(0);
            }
        }
        throw new ApiException(ErrorCode.APPROVAL_REQUIRED, "Paying out " + payoutMinor + " is above this venue's limit of "
                + limit + ": a manager must approve it first.", details);
    }

    /** The transaction's refund limits by performance; forgotten when a venue's limit changes. */
    private enum LimitsKey {
        INSTANCE
    }

    private static Long limitOfVenue(Session session, long venueId) {
        List<Long> limits = Sql.query(session, "SELECT refund_approval_minor FROM venue WHERE id IN (?*)", List.of(venueId),
                row -> row.getLong(1));
        return limits.isEmpty() ? null : limits.get(0);
    }
}
