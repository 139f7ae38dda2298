package com.admitone.model.gate;

import com.admitone.model.ticket.MalformedTokenException;
import com.admitone.model.ticket.SignedToken;
import com.admitone.model.ticket.TicketToken;
import com.admitone.model.ticket.TicketTokenCodec;
import com.admitone.model.ticket.VerifyingKey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The one gate rule, shared by every gate and the server: what to do with a scanned text. A pure
 * function of the text and a {@link GateContext}; it records nothing (the caller stores the scan).
 *
 * <p>Checks run in the order of DESIGN.md and stop at the first that fails: unreadable, then
 * unknown key or bad signature, then wrong performance, validity window or gate, then revoked,
 * then already admitted, then admit. No field of a token is believed before its signature
 * verified, so a forged token can only ever be "bad signature" or "unknown key".
 *
 * @param verdict      the answer
 * @param token        the decoded token, or null when unreadable; trusted only if the verdict got past the signature
 * @param previous     for {@link Verdict#ALREADY_ADMITTED}, the most recent admission; otherwise null
 * @param admittedBefore how many admissions were open against the ticket before this scan
 * @param detail       a short technical reason (for logs), never shown as the staff sentence
 */
public record GateVerdict(Verdict verdict, TicketToken token, Admission previous, int admittedBefore, String detail) {

    public GateVerdict {
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The verdict for a scan at an entry gate. */
    public static GateVerdict verdict(String scannedText, GateContext context) {
        return verdict(scannedText, context, ScanMode.ENTRY);
    }

    public static GateVerdict verdict(String scannedText, GateContext context, ScanMode mode) {
        SignedToken signed;
        try {
            signed = TicketTokenCodec.decode(scannedText);
        } catch (MalformedTokenException e) {
            return new GateVerdict(Verdict.UNREADABLE, null, null, 0, e.getMessage());
        }
        TicketToken token = signed.token();

        List<VerifyingKey> keys = context.keys(token.keyId());
        if (keys == null || keys.isEmpty()) {
            return new GateVerdict(Verdict.UNKNOWN_KEY, token, null, 0, "key " + token.keyId() + " is not trusted");
        }
        if (!verifiesUnderAny(signed, keys)) {
            return new GateVerdict(Verdict.BAD_SIGNATURE, token, null, 0, "signature does not verify under " + token.keyId());
        }

        if (token.performanceId() != context.performanceId()) {
            return new GateVerdict(Verdict.WRONG_PERFORMANCE, token, null, 0,
                    "for performance " + token.performanceId() + ", gate admits " + context.performanceId());
        }
        Instant now = context.now();
        Duration tolerance = context.clockTolerance();
        if (now.plus(tolerance).isBefore(token.validFrom())) {
            return new GateVerdict(Verdict.NOT_YET_VALID, token, null, 0, "valid from " + token.validFrom());
        }
        if (now.minus(tolerance).isAfter(token.validUntil())) {
            return new GateVerdict(Verdict.EXPIRED, token, null, 0, "valid until " + token.validUntil());
        }
        if (token.areaId() != null && !context.servesArea(token.areaId())) {
            return new GateVerdict(Verdict.WRONG_GATE, token, null, 0, "area " + token.areaId() + " is not served here");
        }

        TicketStatus status = context.ticketStatus(token.ticketId());
        if (status != null && status.revoked()) {
            Verdict revoked = switch (status) {
                case REFUNDED -> Verdict.REFUNDED;
                case EXCHANGED -> Verdict.EXCHANGED;
                case CANCELLED -> Verdict.CANCELLED;
                default -> Verdict.TRANSFERRED;
            };
            return new GateVerdict(revoked, token, null, 0, "ticket " + token.ticketId() + " is " + status);
        }

        List<Admission> admissions = context.admissions(token.ticketId());
        int open = admissions == null ? 0 : admissions.size();
        if (mode == ScanMode.EXIT) {
            return new GateVerdict(Verdict.EXITED, token, null, open, null);
        }
        if (open >= token.admits()) {
            Admission last = admissions.get(admissions.size() - 1);
            return new GateVerdict(Verdict.ALREADY_ADMITTED, token, last, open,
                    open + " of " + token.admits() + " admitted");
        }
        return new GateVerdict(Verdict.ADMIT, token, null, open, null);
    }

    /** Key rotation: a token is genuine if any trusted key with its id verifies it. */
    private static boolean verifiesUnderAny(SignedToken signed, List<VerifyingKey> keys) {
        for (VerifyingKey key : keys) {
            if (TicketTokenCodec.verify(signed, id -> key)) {
                return true;
            }
        }
        return false;
    }

    /** How many people this scan lets in: 1 for an admission (a group ticket is scanned once per person), else 0. */
    public int admitsNow() {
        return verdict == Verdict.ADMIT ? 1 : 0;
    }

    /** How many more people the ticket admits after this scan. */
    public int remaining() {
        if (token == null || verdict != Verdict.ADMIT) {
            return 0;
        }
        return token.admits() - admittedBefore - 1;
    }
}
