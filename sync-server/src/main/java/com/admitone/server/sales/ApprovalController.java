package com.admitone.server.sales;

import com.admitone.model.problem.ErrorCode;
import com.admitone.server.http.AccessControl;
import com.admitone.server.http.ApiException;
import io.javalin.http.Context;

/** A manager's approval of a large refund at a counter, and each venue's approval limit. */
public final class ApprovalController {
    private final RefundApprovals approvals;

    public ApprovalController(RefundApprovals approvals) {
        this.approvals = approvals;
    }

    public record PolicyRequest(Long approvalAboveMinor) {
    }

    public void approve(Context ctx) {
        ctx.json(approvals.approve(AccessControl.principal(ctx), ctx.bodyAsClass(RefundApprovals.ApprovalRequest.class)));
    }

    public void policy(Context ctx) {
        ctx.json(approvals.policy(venueId(ctx)));
    }

    public void setPolicy(Context ctx) {
        PolicyRequest body = ctx.bodyAsClass(PolicyRequest.class);
        ctx.json(approvals.setPolicy(AccessControl.principal(ctx), venueId(ctx), body == null ? null : body.approvalAboveMinor()));
    }

    private static long venueId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("venueId"));
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, "There is no venue " + ctx.pathParam("venueId") + ".");
        }
    }
}
