package com.admitone.model.ticket;

/**
 * A decoded token with the bytes its signature covers. Decoding never trusts it: call
 * {@link TicketTokenCodec#verify(SignedToken, java.util.function.Function)} before believing it.
 */
public record SignedToken(TicketToken token, byte[] signedBytes, byte[] signature) {
}
