package com.admitone.model.problem;

/**
 * Stable error codes of the API. The server sends them as the {@code code} of an RFC 9457
 * problem; the client maps them to sentences for staff. Codes never change meaning; new ones are
 * added at the end of their group.
 */
public enum ErrorCode {
    // request shape
    MALFORMED_REQUEST(400, "The request could not be read."),
    VALIDATION_FAILED(400, "The request has invalid values."),
    PAYLOAD_TOO_LARGE(413, "The request is too large."),
    UNSUPPORTED_MEDIA_TYPE(415, "The request must be JSON."),
    NOT_FOUND(404, "No such resource."),
    METHOD_NOT_ALLOWED(405, "That method is not allowed here."),

    // authentication and authorisation
    UNAUTHENTICATED(401, "Please log in."),
    BAD_CREDENTIALS(401, "Wrong username or password."),
    LOGIN_THROTTLED(429, "Too many failed log-ins; wait a moment and try again."),
    ACCOUNT_LOCKED(423, "This account is locked for a while after repeated failed log-ins."),
    DEVICE_UNKNOWN(401, "This device is not enrolled."),
    DEVICE_REVOKED(403, "This device has been revoked by a manager."),
    FORBIDDEN_ROLE(403, "Your role may not do this."),
    USER_EXISTS(409, "A user with that name exists already."),

    // inventory and sales
    UNKNOWN_PERFORMANCE(404, "No such performance."),
    UNKNOWN_SEAT(404, "No such seat in this performance."),
    UNKNOWN_AREA(404, "No such general-admission area in this performance."),
    UNKNOWN_HOLD(404, "No such hold."),
    UNKNOWN_ORDER(404, "No such order."),
    UNKNOWN_TICKET(404, "No such ticket in this order."),
    NOT_ON_SALE(409, "This performance is not on sale."),
    SEAT_TAKEN(409, "A seat was just taken at another counter."),
    SEAT_NOT_HELD(409, "A seat is not in this hold."),
    SEAT_BLOCKED(409, "A seat is blocked."),
    SEAT_NOT_BLOCKED(409, "A seat is not blocked."),
    CAPACITY_EXCEEDED(409, "Not enough places left in this area."),
    HOLD_EXPIRED(409, "The hold has expired."),
    HOLD_NOT_YOURS(403, "This hold belongs to another device."),
    PRICE_MISMATCH(422, "A price does not match the price list."),
    PAYMENT_MISMATCH(422, "The payments do not add up to the order total."),
    REFUND_EXCEEDS_PAID(422, "The refund is more than was paid."),
    TICKET_NOT_VALID(409, "A ticket is already refunded or cancelled."),
    REASON_REQUIRED(422, "A reason is required."),
    DUPLICATE_ID(409, "That id is used already."),
    UNKNOWN_ALLOTMENT(404, "No such allotment."),
    ALLOTMENT_NOT_YOURS(403, "This allotment belongs to another device."),
    ALLOTMENT_EXPIRED(409, "The allotment has run out."),
    SEAT_NOT_ALLOTTED(409, "A seat is not in this allotment or is sold already."),
    PROVISIONAL_NOT_ALLOWED(409, "This performance does not allow provisional offline sales."),
    UNKNOWN_CONFLICT(404, "No such conflict."),
    CONFLICT_RESOLVED(409, "This conflict is resolved already."),
    DEVICE_KEY_INVALID(422, "The device key or its certificate is not valid."),
    APPROVAL_REQUIRED(403, "A manager must approve a refund of this size."),

    // sync
    KEY_REUSED(409, "This idempotency key was used for a different command."),
    BATCH_TOO_LARGE(413, "Too many commands in one batch."),

    INTERNAL(500, "Something went wrong on the server.");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
