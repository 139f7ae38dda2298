package com.admitone.model.ticket;

import com.admitone.model.pricing.PriceType;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;

/**
 * Encodes ticket tokens for QR codes and checks them. Format version 1, documented in
 * {@code docs/ticket-token.md}:
 *
 * <pre>
 *   "AO1." + base64url(no padding)( body | signature(64) )
 *   body = version(1)=1 | keyId(4) | ticketId(16) | performanceId(varint)
 *        | kind(1: 0 seat, 1 area) | seatOrAreaId(varint) | priceType(1)
 *        | validFrom(varint, epoch minutes) | validUntil - validFrom(varint, minutes) | admits(1)
 * </pre>
 *
 * The signature is Ed25519 over the body. Times are whole minutes: a gate needs no finer and the
 * QR code stays small (about 140 characters).
 */
public final class TicketTokenCodec {
    public static final String PREFIX = "AO1.";
    public static final int VERSION = 1;
    private static final int SIGNATURE_SIZE = 64;
    private static final int MAX_BODY = 64;

    private TicketTokenCodec() {
    }

    public static String encode(TicketToken token, SigningKey key) {
        if (!token.keyId().equals(key.keyId())) {
            throw new IllegalArgumentException("token names key " + token.keyId() + " but is signed with " + key.keyId());
        }
        byte[] body = body(token);
        byte[] signature = key.sign(body, body.length);
        byte[] all = Arrays.copyOf(body, body.length + SIGNATURE_SIZE);
        System.arraycopy(signature, 0, all, body.length, SIGNATURE_SIZE);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    }

    /** Reads a token without checking its signature. */
    public static SignedToken decode(String text) throws MalformedTokenException {
        if (text == null) {
            throw new MalformedTokenException("no text");
        }
        String trimmed = text.strip();
        if (!trimmed.startsWith(PREFIX)) {
            throw new MalformedTokenException("not an AdmitOne ticket");
        }
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(trimmed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenException("damaged ticket code");
        }
        if (all.length <= SIGNATURE_SIZE + 22 || all.length > MAX_BODY + SIGNATURE_SIZE) {
            throw new MalformedTokenException("ticket code has the wrong length");
        }
        int bodyLength = all.length - SIGNATURE_SIZE;
        ByteBuffer in = ByteBuffer.wrap(all, 0, bodyLength);
        try {
            int version = in.get() & 0xff;
            if (version != VERSION) {
                throw new MalformedTokenException("unsupported ticket version " + version);
            }
            byte[] keyId = new byte[4];
            in.get(keyId);
            UUID ticketId = new UUID(in.getLong(), in.getLong());
            long performanceId = readVarint(in);
            int kind = in.get() & 0xff;
            long seatOrArea = readVarint(in);
            int priceCode = in.get() & 0xff;
            long fromMinutes = readVarint(in);
            long spanMinutes = readVarint(in);
            int admits = in.get() & 0xff;
            if (in.hasRemaining()) {
                throw new MalformedTokenException("ticket code has trailing bytes");
            }
            if (kind > 1) {
                throw new MalformedTokenException("unknown ticket kind " + kind);
            }
            if (priceCode >= PriceType.values().length) {
                throw new MalformedTokenException("unknown price type " + priceCode);
            }
            Instant from = Instant.ofEpochSecond(Math.multiplyExact(fromMinutes, 60L));
            Instant until = from.plusSeconds(Math.multiplyExact(spanMinutes, 60L));
            TicketToken token = new TicketToken(HexFormat.of().formatHex(keyId), ticketId, performanceId,
                    kind == 0 ? seatOrArea : null, kind == 1 ? seatOrArea : null,
                    PriceType.fromCode(priceCode), from, until, admits);
            return new SignedToken(token, Arrays.copyOf(all, bodyLength),
                    Arrays.copyOfRange(all, bodyLength, all.length));
        } catch (RuntimeException e) {
            // Buffer underflow, overflowing numbers, an out-of-range field: all mean a damaged code.
            throw new MalformedTokenException("damaged ticket code");
        }
    }

    /**
     * True when the signature verifies under the key the token names. {@code keys} answers the
     * verifying key for a key id, or null when the id is unknown (which fails verification).
     */
    public static boolean verify(SignedToken signed, Function<String, VerifyingKey> keys) {
        VerifyingKey key = keys.apply(signed.token().keyId());
        if (key == null || !key.keyId().equals(signed.token().keyId())) {
            return false;
        }
        return key.verify(signed.signature(), 0, signed.signedBytes(), signed.signedBytes().length);
    }

    static byte[] body(TicketToken token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAX_BODY);
        out.write(VERSION);
        out.writeBytes(HexFormat.of().parseHex(token.keyId()));
        ByteBuffer uuid = ByteBuffer.allocate(16);
        uuid.putLong(token.ticketId().getMostSignificantBits()).putLong(token.ticketId().getLeastSignificantBits());
        out.writeBytes(uuid.array());
        writeVarint(out, token.performanceId());
        out.write(token.seatId() != null ? 0 : 1);
        writeVarint(out, token.seatId() != null ? token.seatId() : token.areaId());
        out.write(token.priceType().code());
        long fromMinutes = Math.floorDiv(token.validFrom().getEpochSecond(), 60L);
        // Round up, counting a fraction of a second as a whole one, so a ticket never gets shorter.
        long untilSeconds = token.validUntil().getEpochSecond() + (token.validUntil().getNano() > 0 ? 1 : 0);
        long untilMinutes = Math.floorDiv(untilSeconds + 59, 60L);
        writeVarint(out, fromMinutes);
        writeVarint(out, untilMinutes - fromMinutes);
        out.write(token.admits());
        return out.toByteArray();
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value in token: " + value);
        }
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long readVarint(ByteBuffer in) throws MalformedTokenException {
        long result = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            int b = in.get() & 0xff;
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new MalformedTokenException("damaged number in ticket code");
    }
}
