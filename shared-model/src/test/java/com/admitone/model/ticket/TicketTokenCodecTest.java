package com.admitone.model.ticket;

import com.admitone.model.pricing.PriceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class TicketTokenCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    // ---- Test vectors, also published in docs/ticket-token.md. Never change them: a change here is a format change.

    /** The private key (Ed25519 seed) of the vectors: the bytes 0x00, 0x01, ..., 0x1f. */
    static final byte[] VECTOR_PRIVATE_KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final String VECTOR_PUBLIC_KEY = "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8";
    static final String VECTOR_KEY_ID = "56475aa7";

    /**
     * One vector: the token as given to the encoder, the token a decoder reads back (times in whole
     * minutes), the signed body in hex and the complete encoded string.
     */
    record Vector(String name, TicketToken input, TicketToken decoded, String bodyHex, String encoded) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Vector> vectors() {
        TicketToken seat = new TicketToken(VECTOR_KEY_ID, UUID.fromString("0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0"),
                4711, 1234L, null, PriceType.ADULT,
                Instant.parse("2025-06-14T18:00:00Z"), Instant.parse("2025-06-14T23:00:00Z"), 1);
        TicketToken area = new TicketToken(VECTOR_KEY_ID, UUID.fromString("a1b2c3d4-e5f6-4a0b-9c1d-2e3f40516273"),
                4712, null, 7L, PriceType.FAMILY,
                Instant.parse("2025-06-15T09:30:00Z"), Instant.parse("2025-06-15T17:30:00Z"), 5);
        TicketToken child = new TicketToken(VECTOR_KEY_ID, UUID.fromString("00000000-0000-4000-8000-000000000003"),
                123456789, 98765L, null, PriceType.CHILD,
                Instant.parse("2025-12-24T13:59:30Z"), Instant.parse("2025-12-24T16:00:01Z"), 1);
        TicketToken childDecoded = new TicketToken(VECTOR_KEY_ID, child.ticketId(), 123456789, 98765L, null,
                PriceType.CHILD, Instant.parse("2025-12-24T13:59:00Z"), Instant.parse("2025-12-24T16:01:00Z"), 1);
        return List.of(
                new Vector("seat ticket", seat, seat,
                        "0156475aa70f1e2d3c4b5a49788796a5b4c3d2e1f0e72400d20900d88ef40dac0201",
                        "AO1.AVZHWqcPHi08S1pJeIeWpbTD0uHw5yQA0gkA2I70DawCAThsLH-6HB0ayDHLx11k9LxhGZxwz-lP-p-21VPJ9Vo5"
                                + "6D29wK0In-fK-E9qLW-4Wbx7nce0xrq0D8SUvqgTNgU"),
                new Vector("general-admission area ticket admitting 5", area, area,
                        "0156475aa7a1b2c3d4e5f64a0b9c1d2e3f40516273e824010707fa95f40de00305",
                        "AO1.AVZHWqehssPU5fZKC5wdLj9AUWJz6CQBBwf6lfQN4AMFd-NdVznx2VH_8qyrCx54dEMheYmRrUd4ocm6j5TeCo7T"
                                + "UqLbajcXE04qFE9SDYPTPdt724kbW8K2S6-gcJauCA"),
                new Vector("child seat ticket, times off the minute", child, childDecoded,
                        "0156475aa700000000000040008000000000000003959aef3a00cd8306018788850e7a01",
                        "AO1.AVZHWqcAAAAAAABAAIAAAAAAAAADlZrvOgDNgwYBh4iFDnoBl-nN_EhHquDk70P7c0nETivpNtFV3IjG9GWEnFU7"
                                + "DaXMIGZQ7lwvWUuzmSJBTAUtbh3Jo9tTuxFl6_1jS17SAA"));
    }

    private static final SigningKey VECTOR_KEY = SigningKey.fromPrivateKey(VECTOR_PRIVATE_KEY);
    private static final SigningKey OTHER_KEY = SigningKey.fromPrivateKey(
            HEX.parseHex("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"));

    /** A gate that knows exactly the vector key. */
    private static final Function<String, VerifyingKey> KNOWS_VECTOR_KEY = keyRing(VECTOR_KEY);

    private static Function<String, VerifyingKey> keyRing(SigningKey... keys) {
        Map<String, VerifyingKey> byId = new java.util.HashMap<>();
        for (SigningKey key : keys) {
            byId.put(key.keyId(), key.verifyingKey());
        }
        return byId::get;
    }

    // ---- Keys

    @Test
    void vectorKeyDerivesThePublishedPublicKeyAndId() throws Exception {
        assertThat(HEX.formatHex(VECTOR_KEY.publicKey())).isEqualTo(VECTOR_PUBLIC_KEY);
        assertThat(VECTOR_KEY.keyId()).isEqualTo(VECTOR_KEY_ID);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(HEX.parseHex(VECTOR_PUBLIC_KEY));
        assertThat(VECTOR_KEY_ID).isEqualTo(HEX.formatHex(digest, 0, 4));
        assertThat(SigningKey.keyIdOf(HEX.parseHex(VECTOR_PUBLIC_KEY))).isEqualTo(VECTOR_KEY_ID);

        VerifyingKey verifying = VerifyingKey.of(HEX.parseHex(VECTOR_PUBLIC_KEY));
        assertThat(verifying.keyId()).isEqualTo(VECTOR_KEY_ID);
        assertThat(VerifyingKey.ofBase64(verifying.publicKeyBase64()).keyId()).isEqualTo(VECTOR_KEY_ID);
        assertThat(VECTOR_KEY.verifyingKey().publicKey()).isEqualTo(HEX.parseHex(VECTOR_PUBLIC_KEY));
    }

    @Test
    void keysAreCopiedInAndOut() {
        byte[] seed = VECTOR_PRIVATE_KEY.clone();
        SigningKey key = SigningKey.fromPrivateKey(seed);
        Arrays.fill(seed, (byte) 0);
        key.publicKey()[0] ^= 1;
        key.privateKey()[0] ^= 1;
        assertThat(key.privateKey()).isEqualTo(VECTOR_PRIVATE_KEY);
        assertThat(HEX.formatHex(key.publicKey())).isEqualTo(VECTOR_PUBLIC_KEY);
    }

    @Test
    void generatedKeysDiffer() {
        SigningKey a = SigningKey.generate();
        SigningKey b = SigningKey.generate();
        assertThat(a.keyId()).matches("[0-9a-f]{8}").isNotEqualTo(b.keyId());
        assertThat(a.publicKey()).isNotEqualTo(b.publicKey());
    }

    @Test
    void badKeysAreRejected() {
        assertThatThrownBy(() -> SigningKey.fromPrivateKey(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerifyingKey.of(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerifyingKey.of(null)).isInstanceOf(IllegalArgumentException.class);
        // y = 2 is not the y-coordinate of any point on the curve.
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;
        assertThatThrownBy(() -> VerifyingKey.of(notAPoint)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- Test vectors

    @ParameterizedTest
    @MethodSource("vectors")
    void encodesTheVectorExactly(Vector vector) {
        assertThat(TicketTokenCodec.encode(vector.input(), VECTOR_KEY)).isEqualTo(vector.encoded());
        assertThat(HEX.formatHex(TicketTokenCodec.body(vector.input()))).isEqualTo(vector.bodyHex());
        assertThat(vector.encoded().length()).isLessThanOrEqualTo(140);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decodesAndVerifiesTheVector(Vector vector) throws Exception {
        SignedToken signed = TicketTokenCodec.decode(vector.encoded());
        assertThat(signed.token()).isEqualTo(vector.decoded());
        assertThat(HEX.formatHex(signed.signedBytes())).isEqualTo(vector.bodyHex());
        assertThat(signed.signature()).hasSize(64);
        assertThat(TicketTokenCodec.verify(signed, KNOWS_VECTOR_KEY)).isTrue();
        // Re-encoding what was decoded gives the same string: the decoded times are already whole minutes.
        assertThat(TicketTokenCodec.encode(signed.token(), VECTOR_KEY)).isEqualTo(vector.encoded());
    }

    /** The vectors published in docs/ticket-token.md are these, character for character. */
    @ParameterizedTest
    @MethodSource("vectors")
    void theDocumentedVectorIsThisOne(Vector vector) throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "ticket-token.md"));
        assertThat(doc).contains("### Vector").contains(vector.name())
                .contains(HEX.formatHex(VECTOR_PRIVATE_KEY)).contains(VECTOR_PUBLIC_KEY).contains(VECTOR_KEY_ID)
                .contains("\n" + vector.encoded() + "\n");
    }

    /** An independent Ed25519 (the JDK's SunEC) agrees with the vectors, as a third-party gate would. */
    @ParameterizedTest
    @MethodSource("vectors")
    void theJdkEd25519AgreesWithTheVector(Vector vector) throws Exception {
        byte[] all = Base64.getUrlDecoder().decode(vector.encoded().substring(4));
        byte[] body = Arrays.copyOf(all, all.length - 64);
        byte[] signature = Arrays.copyOfRange(all, all.length - 64, all.length);
        assertThat(HEX.formatHex(body)).isEqualTo(vector.bodyHex());

        PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, VECTOR_PRIVATE_KEY));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        signer.update(body);
        assertThat(signer.sign()).isEqualTo(signature);

        // SubjectPublicKeyInfo for Ed25519 is a fixed 12-byte header followed by the raw key.
        byte[] spki = HEX.parseHex("302a300506032b6570032100" + VECTOR_PUBLIC_KEY);
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(body);
        assertThat(verifier.verify(signature)).isTrue();
    }

    // ---- Round trips

    @Test
    void seatTokenRoundTrips() throws Exception {
        TicketToken token = token(UUID.randomUUID(), 99L, null, PriceType.SENIOR, 1);
        TicketToken back = roundTrip(token);
        assertThat(back).isEqualTo(token);
        assertThat(back.seatId()).isEqualTo(99L);
        assertThat(back.areaId()).isNull();
    }

    @Test
    void areaTokenRoundTrips() throws Exception {
        TicketToken token = token(UUID.randomUUID(), null, 3L, PriceType.GROUP, 30);
        TicketToken back = roundTrip(token);
        assertThat(back).isEqualTo(token);
        assertThat(back.seatId()).isNull();
        assertThat(back.areaId()).isEqualTo(3L);
        assertThat(back.admits()).isEqualTo(30);
    }

    @Test
    void everyPriceTypeRoundTrips() throws Exception {
        for (PriceType type : PriceType.values()) {
            TicketToken token = token(UUID.randomUUID(), 1L, null, type, 1);
            assertThat(roundTrip(token).priceType()).isEqualTo(type);
        }
    }

    @Test
    void extremeValuesRoundTrip() throws Exception {
        TicketToken zeros = new TicketToken(VECTOR_KEY_ID, new UUID(0, 0), 0, 0L, null, PriceType.ADULT,
                Instant.EPOCH, Instant.EPOCH, 1);
        assertThat(roundTrip(zeros)).isEqualTo(zeros);

        Instant far = Instant.parse("9999-12-31T23:00:00Z");
        TicketToken largest = new TicketToken(VECTOR_KEY_ID, new UUID(-1, -1), Long.MAX_VALUE, null, Long.MAX_VALUE,
                PriceType.values()[PriceType.values().length - 1], Instant.EPOCH, far, 255);
        assertThat(roundTrip(largest)).isEqualTo(largest);
    }

    @Test
    void timesAreWholeMinutesFromFlooredUntilRoundedUp() throws Exception {
        Random random = new Random(1);
        for (int i = 0; i < 2_000; i++) {
            Instant from = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000));
            Instant until = from.plusSeconds(random.nextInt(400_000)).plusNanos(random.nextInt(1_000_000_000));
            TicketToken token = new TicketToken(VECTOR_KEY_ID, UUID.randomUUID(), 1, 1L, null, PriceType.ADULT,
                    from, until, 1);
            TicketToken back = roundTrip(token);

            assertThat(back.validFrom()).isEqualTo(from.truncatedTo(ChronoUnit.MINUTES));
            Instant ceiling = until.truncatedTo(ChronoUnit.MINUTES).equals(until)
                    ? until : until.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            assertThat(back.validUntil()).as("until %s", until).isEqualTo(ceiling);
        }
    }

    @Test
    void roundingNeverShortensValidity() throws Exception {
        Instant from = Instant.parse("2025-06-14T18:00:59.999Z");
        Instant justAfterTen = Instant.parse("2025-06-14T22:00:00.000000001Z");
        TicketToken back = roundTrip(new TicketToken(VECTOR_KEY_ID, UUID.randomUUID(), 1, 1L, null, PriceType.ADULT,
                from, justAfterTen, 1));
        assertThat(back.validFrom()).isEqualTo("2025-06-14T18:00:00Z");
        assertThat(back.validUntil()).isEqualTo("2025-06-14T22:01:00Z");

        TicketToken onTheMinute = roundTrip(new TicketToken(VECTOR_KEY_ID, UUID.randomUUID(), 1, 1L, null,
                PriceType.ADULT, from, Instant.parse("2025-06-14T22:00:00Z"), 1));
        assertThat(onTheMinute.validUntil()).isEqualTo("2025-06-14T22:00:00Z");

        TicketToken sameMinute = roundTrip(new TicketToken(VECTOR_KEY_ID, UUID.randomUUID(), 1, 1L, null,
                PriceType.ADULT, from, from, 1));
        assertThat(sameMinute.validFrom()).isEqualTo("2025-06-14T18:00:00Z");
        assertThat(sameMinute.validUntil()).isEqualTo("2025-06-14T18:01:00Z");
    }

    @Test
    void surroundingWhitespaceFromAScannerIsIgnored() throws Exception {
        String encoded = vectors().get(0).encoded();
        SignedToken signed = TicketTokenCodec.decode("  " + encoded + "\r\n");
        assertThat(TicketTokenCodec.verify(signed, KNOWS_VECTOR_KEY)).isTrue();
    }

    // ---- Signatures and keys

    @Test
    void verifiesWithTheRightKeyOnly() throws Exception {
        TicketToken token = token(UUID.randomUUID(), 5L, null, PriceType.ADULT, 1);
        SignedToken signed = TicketTokenCodec.decode(TicketTokenCodec.encode(token, VECTOR_KEY));

        assertThat(TicketTokenCodec.verify(signed, KNOWS_VECTOR_KEY)).isTrue();
        assertThat(TicketTokenCodec.verify(signed, keyRing(OTHER_KEY, VECTOR_KEY))).isTrue();
        // Another key, even if a careless key lookup hands it over for this key id.
        assertThat(TicketTokenCodec.verify(signed, id -> OTHER_KEY.verifyingKey())).isFalse();
        // Unknown key id.
        assertThat(TicketTokenCodec.verify(signed, keyRing(OTHER_KEY))).isFalse();
        assertThat(TicketTokenCodec.verify(signed, id -> null)).isFalse();
    }

    @Test
    void aTokenSignedByAnotherKeyNamesThatKey() throws Exception {
        TicketToken token = new TicketToken(OTHER_KEY.keyId(), UUID.randomUUID(), 1, 1L, null, PriceType.ADULT,
                Instant.parse("2025-01-01T10:00:00Z"), Instant.parse("2025-01-01T12:00:00Z"), 1);
        SignedToken signed = TicketTokenCodec.decode(TicketTokenCodec.encode(token, OTHER_KEY));
        assertThat(signed.token().keyId()).isEqualTo(OTHER_KEY.keyId());
        assertThat(TicketTokenCodec.verify(signed, KNOWS_VECTOR_KEY)).isFalse();
        assertThat(TicketTokenCodec.verify(signed, keyRing(OTHER_KEY))).isTrue();
    }

    /** A valid signature by one key on a token that names another key is not accepted, whatever the lookup returns. */
    @Test
    void theKeyUsedMustBeTheKeyTheTokenNames() throws Exception {
        TicketToken namesOther = new TicketToken(OTHER_KEY.keyId(), UUID.randomUUID(), 1, 1L, null, PriceType.ADULT,
                Instant.parse("2025-01-01T10:00:00Z"), Instant.parse("2025-01-01T12:00:00Z"), 1);
        byte[] body = TicketTokenCodec.body(namesOther);
        byte[] all = Arrays.copyOf(body, body.length + 64);
        System.arraycopy(VECTOR_KEY.sign(body, body.length), 0, all, body.length, 64);
        SignedToken signed = TicketTokenCodec.decode(withPrefix(all));

        assertThat(TicketTokenCodec.verify(signed, id -> VECTOR_KEY.verifyingKey())).isFalse();
        assertThat(TicketTokenCodec.verify(signed, keyRing(OTHER_KEY, VECTOR_KEY))).isFalse();
    }

    @Test
    void aSignatureMovedToAnotherTokenFails() throws Exception {
        SignedToken a = TicketTokenCodec.decode(vectors().get(0).encoded());
        SignedToken b = TicketTokenCodec.decode(vectors().get(1).encoded());
        assertThat(TicketTokenCodec.verify(new SignedToken(a.token(), a.signedBytes(), b.signature()), KNOWS_VECTOR_KEY))
                .isFalse();
    }

    @Test
    void encodingRefusesAKeyOtherThanTheOneTheTokenNames() {
        TicketToken token = token(UUID.randomUUID(), 1L, null, PriceType.ADULT, 1);
        assertThatThrownBy(() -> TicketTokenCodec.encode(token, OTHER_KEY)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- Damage and forgery

    /** Flips every single bit of the encoded bytes (body and signature) of every vector. */
    @ParameterizedTest
    @MethodSource("vectors")
    void everySingleBitFlipIsMalformedOrFailsVerification(Vector vector) {
        byte[] all = Base64.getUrlDecoder().decode(vector.encoded().substring(TicketTokenCodec.PREFIX.length()));
        int decodedAnyway = 0;
        for (int bit = 0; bit < all.length * 8; bit++) {
            byte[] damaged = all.clone();
            damaged[bit / 8] ^= (byte) (1 << (bit % 8));
            Outcome outcome = check(withPrefix(damaged), KNOWS_VECTOR_KEY);
            assertThat(outcome).as("bit %d", bit).isNotEqualTo(Outcome.VALID);
            if (outcome == Outcome.BAD_SIGNATURE) {
                decodedAnyway++;
            }
        }
        // Most flips (ticket id, signature...) still decode: it is the signature that must catch them.
        assertThat(decodedAnyway).isGreaterThan(all.length * 8 / 2);
    }

    /**
     * Replaces every character with every other base64url character. Either the token no longer reads,
     * or its signature fails, or the change was in the unused low bits of the last character and the
     * bytes, and so the ticket, are exactly the same.
     */
    @ParameterizedTest
    @MethodSource("vectors")
    void everySingleCharacterChangeIsMalformedFailsOrMeansTheSameBytes(Vector vector) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String encoded = vector.encoded();
        byte[] original = TicketTokenCodec.decode(encoded).signature();
        for (int i = TicketTokenCodec.PREFIX.length(); i < encoded.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c == encoded.charAt(i)) {
                    continue;
                }
                String changed = encoded.substring(0, i) + c + encoded.substring(i + 1);
                Outcome outcome = check(changed, KNOWS_VECTOR_KEY);
                if (outcome == Outcome.VALID) {
                    assertThat(i).as("only the last character has unused bits").isEqualTo(encoded.length() - 1);
                    SignedToken same = TicketTokenCodec.decode(changed);
                    assertThat(same.token()).isEqualTo(vector.decoded());
                    assertThat(same.signature()).isEqualTo(original);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void everyTruncationIsMalformed(Vector vector) {
        String encoded = vector.encoded();
        for (int length = 0; length < encoded.length(); length++) {
            assertMalformed(encoded.substring(0, length));
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void extraBytesAreMalformed(Vector vector) {
        byte[] all = Base64.getUrlDecoder().decode(vector.encoded().substring(TicketTokenCodec.PREFIX.length()));
        for (int extra = 1; extra <= 40; extra++) {
            assertMalformed(withPrefix(Arrays.copyOf(all, all.length + extra)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AO2.", "ao1.", "AO1", "AO1:", "AO1,", "AO.", "XAO1.", "A01.", "AO1 .", "", "https://x.example/t/"})
    void wrongPrefixIsMalformed(String prefix) {
        String body = vectors().get(0).encoded().substring(TicketTokenCodec.PREFIX.length());
        assertMalformed(prefix + body);
    }

    @Test
    void nullAndEmptyAreMalformed() {
        assertMalformed(null);
        assertMalformed("");
        assertMalformed("   ");
        assertMalformed("AO1.");
        assertMalformed("AO1.====");
    }

    @Test
    void paddingOrCharactersOutsideBase64UrlAreMalformed() {
        String encoded = vectors().get(0).encoded();
        assertMalformed(encoded.replace('-', '+'));
        assertMalformed(encoded.replace('_', '/').replace('-', '/'));
        assertMalformed(encoded.substring(0, 40) + " " + encoded.substring(40));
        assertMalformed(encoded.substring(0, 40) + "\u00e9" + encoded.substring(41));
    }

    @Test
    void unsupportedVersionIsMalformed() {
        byte[] all = Base64.getUrlDecoder().decode(vectors().get(0).encoded().substring(4));
        for (int version : new int[]{0, 2, 0x41, 0xff}) {
            all[0] = (byte) version;
            assertMalformed(withPrefix(all));
        }
    }

    @Test
    void unknownKindOrPriceTypeIsMalformed() {
        // Seat ticket vector body: version | key id(4) | ticket id(16) | e7 24 | kind @ 23 | d2 09 | price @ 26 | ...
        byte[] all = Base64.getUrlDecoder().decode(vectors().get(0).encoded().substring(4));
        assertThat(all[23]).isEqualTo((byte) 0);
        assertThat(all[26]).isEqualTo((byte) PriceType.ADULT.code());
        byte[] kind = all.clone();
        kind[23] = 2;
        assertMalformed(withPrefix(kind));
        byte[] price = all.clone();
        price[26] = (byte) PriceType.values().length;
        assertMalformed(withPrefix(price));
        byte[] admits = all.clone();
        admits[vectors().get(0).bodyHex().length() / 2 - 1] = 0;
        assertMalformed(withPrefix(admits));
    }

    @Test
    void randomStringsAreMalformed() {
        Random random = new Random(2);
        String printable = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
        for (int i = 0; i < 10_000; i++) {
            int length = random.nextInt(200);
            StringBuilder sb = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                sb.append(random.nextInt(10) == 0
                        ? (char) (0x80 + random.nextInt(0xD000))
                        : printable.charAt(random.nextInt(printable.length())));
            }
            String text = sb.toString();
            if (text.strip().startsWith(TicketTokenCodec.PREFIX)) {
                continue;
            }
            assertMalformed(text);
        }
    }

    @Test
    void randomTextAfterThePrefixNeverVerifiesAndNeverThrowsAnythingElse() {
        Random random = new Random(3);
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/. ";
        for (int i = 0; i < 10_000; i++) {
            int length = random.nextInt(200);
            StringBuilder sb = new StringBuilder(TicketTokenCodec.PREFIX);
            for (int j = 0; j < length; j++) {
                sb.append(chars.charAt(random.nextInt(chars.length())));
            }
            assertThat(check(sb.toString(), KNOWS_VECTOR_KEY)).isNotEqualTo(Outcome.VALID);
        }
    }

    @Test
    void tenThousandRandomPayloadsNeverVerify() {
        Random random = new Random(4);
        for (int i = 0; i < 10_000; i++) {
            byte[] payload = new byte[random.nextInt(160)];
            random.nextBytes(payload);
            assertThat(check(withPrefix(payload), KNOWS_VECTOR_KEY)).isNotEqualTo(Outcome.VALID);
        }
    }

    /** Random payloads that read as tokens naming the vector key, so every one of them reaches the signature check. */
    @Test
    void tenThousandWellFormedForgeriesNeverVerify() throws Exception {
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            boolean seat = random.nextBoolean();
            long seatOrArea = random.nextInt(100_000);
            TicketToken token = new TicketToken(VECTOR_KEY_ID, new UUID(random.nextLong(), random.nextLong()),
                    random.nextInt(1_000_000), seat ? seatOrArea : null, seat ? null : seatOrArea,
                    PriceType.values()[random.nextInt(PriceType.values().length)],
                    Instant.ofEpochSecond(60L * (28_000_000 + random.nextInt(2_000_000))),
                    Instant.ofEpochSecond(60L * 31_000_000), 1 + random.nextInt(255));
            byte[] body = TicketTokenCodec.body(token);
            byte[] signature = new byte[64];
            random.nextBytes(signature);
            byte[] all = Arrays.copyOf(body, body.length + 64);
            System.arraycopy(signature, 0, all, body.length, 64);
            String text = withPrefix(all);
            assertThat(TicketTokenCodec.decode(text).token()).isEqualTo(token);
            assertThat(check(text, KNOWS_VECTOR_KEY)).isEqualTo(Outcome.BAD_SIGNATURE);
        }
    }

    // ---- Token values

    @Test
    void aTokenIsForExactlyOneSeatOrOneArea() {
        Instant t = Instant.parse("2025-01-01T10:00:00Z");
        assertThatThrownBy(() -> new TicketToken(VECTOR_KEY_ID, UUID.randomUUID(), 1, 1L, 1L, PriceType.ADULT, t, t, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketToken(VECTOR_KEY_ID, UUID.randomUUID(), 1, null, null, PriceType.ADULT, t, t, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenValuesAreChecked() {
        Instant t = Instant.parse("2025-01-01T10:00:00Z");
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new TicketToken(VECTOR_KEY_ID, id, 1, 1L, null, PriceType.ADULT, t, t, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketToken(VECTOR_KEY_ID, id, 1, 1L, null, PriceType.ADULT, t, t, 256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketToken(VECTOR_KEY_ID, id, 1, 1L, null, PriceType.ADULT, t, t.minusSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketToken(null, id, 1, 1L, null, PriceType.ADULT, t, t, 1))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TicketToken(VECTOR_KEY_ID, id, 1, 1L, null, null, t, t, 1))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void negativeIdsCannotBeEncoded() {
        Instant t = Instant.parse("2025-01-01T10:00:00Z");
        TicketToken negativePerformance = new TicketToken(VECTOR_KEY_ID, UUID.randomUUID(), -1, 1L, null,
                PriceType.ADULT, t, t, 1);
        assertThatThrownBy(() -> TicketTokenCodec.encode(negativePerformance, VECTOR_KEY))
                .isInstanceOf(IllegalArgumentException.class);
        TicketToken negativeSeat = new TicketToken(VECTOR_KEY_ID, UUID.randomUUID(), 1, -5L, null,
                PriceType.ADULT, t, t, 1);
        assertThatThrownBy(() -> TicketTokenCodec.encode(negativeSeat, VECTOR_KEY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- Helpers

    private enum Outcome { MALFORMED, BAD_SIGNATURE, VALID }

    /** What a gate makes of scanned text; any exception other than MalformedTokenException fails the test. */
    private static Outcome check(String text, Function<String, VerifyingKey> keys) {
        SignedToken signed;
        try {
            signed = TicketTokenCodec.decode(text);
        } catch (MalformedTokenException e) {
            return Outcome.MALFORMED;
        } catch (RuntimeException e) {
            throw new AssertionError("decode threw " + e + " for " + text, e);
        }
        try {
            return TicketTokenCodec.verify(signed, keys) ? Outcome.VALID : Outcome.BAD_SIGNATURE;
        } catch (RuntimeException e) {
            throw new AssertionError("verify threw " + e + " for " + text, e);
        }
    }

    private static void assertMalformed(String text) {
        try {
            TicketTokenCodec.decode(text);
            fail("decoded %s", text);
        } catch (MalformedTokenException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException e) {
            throw new AssertionError("decode threw " + e + " instead of MalformedTokenException for " + text, e);
        }
    }

    private static String withPrefix(byte[] bytes) {
        return TicketTokenCodec.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static TicketToken token(UUID ticketId, Long seatId, Long areaId, PriceType priceType, int admits) {
        return new TicketToken(VECTOR_KEY_ID, ticketId, 4711, seatId, areaId, priceType,
                Instant.parse("2025-06-14T18:00:00Z"), Instant.parse("2025-06-14T23:00:00Z"), admits);
    }

    private static TicketToken roundTrip(TicketToken token) throws MalformedTokenException {
        SignedToken signed = TicketTokenCodec.decode(TicketTokenCodec.encode(token, VECTOR_KEY));
        assertThat(TicketTokenCodec.verify(signed, KNOWS_VECTOR_KEY)).isTrue();
        return signed.token();
    }
}
