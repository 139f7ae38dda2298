package com.admitone.model.gate;

import com.admitone.model.pricing.PriceType;
import com.admitone.model.ticket.SigningKey;
import com.admitone.model.ticket.TicketToken;
import com.admitone.model.ticket.TicketTokenCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class GateVerdictTest {
    private static final long PERFORMANCE = 4711;
    private static final Instant START = Instant.parse("2026-11-22T19:30:00Z");

    private final SigningKey serverKey = SigningKey.fromPrivateKey(seed(1));
    private final SigningKey deviceKey = SigningKey.fromPrivateKey(seed(2));
    private final SigningKey strangerKey = SigningKey.fromPrivateKey(seed(3));
    private MapGateContext gate;

    @BeforeEach
    void setUp() {
        gate = new MapGateContext().trust(serverKey.verifyingKey()).trust(deviceKey.verifyingKey());
        gate.performanceId = PERFORMANCE;
        gate.now = START.minus(Duration.ofMinutes(20));
    }

    @Test
    void admitsAGenuineTicketForThisPerformance() {
        TicketToken ticket = seatTicket(serverKey, PERFORMANCE);
        GateVerdict verdict = GateVerdict.verdict(TicketTokenCodec.encode(ticket, serverKey), gate);
        assertThat(verdict.verdict()).isEqualTo(Verdict.ADMIT);
        assertThat(verdict.verdict().light()).isEqualTo(Verdict.Light.GREEN);
        assertThat(verdict.token()).isEqualTo(ticket);
        assertThat(verdict.admitsNow()).isEqualTo(1);
    }

    @Test
    void admitsTicketsSignedByAnyTrustedKeyAfterRotation() {
        SigningKey rotated = SigningKey.fromPrivateKey(seed(9));
        gate.trust(rotated.verifyingKey());
        assertThat(verdictOf(seatTicket(serverKey, PERFORMANCE), serverKey)).isEqualTo(Verdict.ADMIT);
        assertThat(verdictOf(seatTicket(rotated, PERFORMANCE), rotated)).isEqualTo(Verdict.ADMIT);
        assertThat(verdictOf(seatTicket(deviceKey, PERFORMANCE), deviceKey)).isEqualTo(Verdict.ADMIT);
    }

    @Test
    void unreadableText() {
        assertThat(GateVerdict.verdict("hello", gate).verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(GateVerdict.verdict("", gate).verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(GateVerdict.verdict(null, gate).verdict()).isEqualTo(Verdict.UNREADABLE);
        String genuine = TicketTokenCodec.encode(seatTicket(serverKey, PERFORMANCE), serverKey);
        assertThat(GateVerdict.verdict(genuine.substring(0, 60), gate).verdict()).isEqualTo(Verdict.UNREADABLE);
        assertThat(GateVerdict.verdict("ao1." + genuine.substring(4), gate).verdict()).isEqualTo(Verdict.UNREADABLE);
    }

    @Test
    void unknownKey() {
        assertThat(verdictOf(seatTicket(strangerKey, PERFORMANCE), strangerKey)).isEqualTo(Verdict.UNKNOWN_KEY);
    }

    @Test
    void aRevokedKeyIsNoLongerTrusted() {
        // The replica leaves revoked keys out of keys(id); the rule then sees an unknown key.
        gate.keys.remove(deviceKey.keyId());
        assertThat(verdictOf(seatTicket(deviceKey, PERFORMANCE), deviceKey)).isEqualTo(Verdict.UNKNOWN_KEY);
    }

    @Test
    void badSignature() {
        byte[] all = decoded(TicketTokenCodec.encode(seatTicket(serverKey, PERFORMANCE), serverKey));
        all[all.length - 10] ^= 0x04;
        assertThat(GateVerdict.verdict(encoded(all), gate).verdict()).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void aForgedPerformanceIsABadSignatureNotAWrongPerformance() {
        // Signed for 4711, body edited to 4712 (e7 24 -> e8 24): the signature check comes first.
        byte[] all = decoded(TicketTokenCodec.encode(seatTicket(serverKey, PERFORMANCE), serverKey));
        all[21] = (byte) 0xe8;
        assertThat(GateVerdict.verdict(encoded(all), gate).verdict()).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void wrongPerformance() {
        assertThat(verdictOf(seatTicket(serverKey, PERFORMANCE + 1), serverKey)).isEqualTo(Verdict.WRONG_PERFORMANCE);
    }

    @Test
    void notYetValidAndExpiredAreToldApart() {
        TicketToken ticket = seatTicket(serverKey, PERFORMANCE);
        gate.now = ticket.validFrom().minus(Duration.ofMinutes(3));
        assertThat(verdictOf(ticket, serverKey)).isEqualTo(Verdict.NOT_YET_VALID);
        gate.now = ticket.validFrom().minus(Duration.ofMinutes(1));
        assertThat(verdictOf(ticket, serverKey)).as("within the clock tolerance").isEqualTo(Verdict.ADMIT);
        gate.now = ticket.validUntil().plus(Duration.ofMinutes(3));
        assertThat(verdictOf(ticket, serverKey)).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void wrongGateForAnArea() {
        gate.servedAreas.add(1L);
        TicketToken ticket = new TicketToken(serverKey.keyId(), UUID.randomUUID(), PERFORMANCE, null, 7L,
                PriceType.ADULT, START.minus(Duration.ofHours(2)), START.plus(Duration.ofHours(3)), 1);
        assertThat(verdictOf(ticket, serverKey)).isEqualTo(Verdict.WRONG_GATE);
        gate.servedAreas.add(7L);
        assertThat(verdictOf(ticket, serverKey)).isEqualTo(Verdict.ADMIT);
    }

    @Test
    void revokedTickets() {
        Map<TicketStatus, Verdict> expected = new EnumMap<>(Map.of(TicketStatus.REFUNDED, Verdict.REFUNDED,
                TicketStatus.EXCHANGED, Verdict.EXCHANGED, TicketStatus.TRANSFERRED, Verdict.TRANSFERRED,
                TicketStatus.CANCELLED, Verdict.CANCELLED));
        expected.forEach((status, verdict) -> {
            TicketToken ticket = seatTicket(serverKey, PERFORMANCE);
            gate.statuses.put(ticket.ticketId(), status);
            gate.admitted(ticket.ticketId(), START.minus(Duration.ofMinutes(30)), "South door");
            assertThat(verdictOf(ticket, serverKey)).as("revocation comes before already admitted").isEqualTo(verdict);
        });
    }

    @Test
    void alreadyAdmittedSaysWhereAndWhen() {
        TicketToken ticket = seatTicket(serverKey, PERFORMANCE);
        gate.statuses.put(ticket.ticketId(), TicketStatus.VALID);
        Instant first = START.minus(Duration.ofMinutes(25));
        gate.admitted(ticket.ticketId(), first, "South door");
        GateVerdict verdict = GateVerdict.verdict(TicketTokenCodec.encode(ticket, serverKey), gate);
        assertThat(verdict.verdict()).isEqualTo(Verdict.ALREADY_ADMITTED);
        assertThat(verdict.verdict().light()).isEqualTo(Verdict.Light.ORANGE);
        assertThat(verdict.previous()).isEqualTo(new Admission(first, "South door"));
        assertThat(verdict.admitsNow()).isZero();
    }

    @Test
    void aGroupTicketAdmitsItsNumberOfPeople() {
        TicketToken family = new TicketToken(serverKey.keyId(), UUID.randomUUID(), PERFORMANCE, null, 7L,
                PriceType.FAMILY, START.minus(Duration.ofHours(2)), START.plus(Duration.ofHours(3)), 3);
        String text = TicketTokenCodec.encode(family, serverKey);
        for (int i = 0; i < 3; i++) {
            GateVerdict verdict = GateVerdict.verdict(text, gate);
            assertThat(verdict.verdict()).isEqualTo(Verdict.ADMIT);
            assertThat(verdict.remaining()).isEqualTo(2 - i);
            gate.admitted(family.ticketId(), gate.now, gate.gate);
        }
        assertThat(GateVerdict.verdict(text, gate).verdict()).isEqualTo(Verdict.ALREADY_ADMITTED);
    }

    @Test
    void exitModeRecordsAnExitForAGenuineTicket() {
        TicketToken ticket = seatTicket(serverKey, PERFORMANCE);
        gate.admitted(ticket.ticketId(), gate.now, gate.gate);
        GateVerdict verdict = GateVerdict.verdict(TicketTokenCodec.encode(ticket, serverKey), gate, ScanMode.EXIT);
        assertThat(verdict.verdict()).isEqualTo(Verdict.EXITED);
        TicketToken forged = seatTicket(strangerKey, PERFORMANCE);
        assertThat(GateVerdict.verdict(TicketTokenCodec.encode(forged, strangerKey), gate, ScanMode.EXIT).verdict())
                .isEqualTo(Verdict.UNKNOWN_KEY);
    }

    /** 10,000 damaged or hostile payloads, none of which may ever be admitted. */
    @Test
    void tenThousandFuzzedPayloadsAdmitNobody() {
        Random random = new Random(20261122L);
        TicketToken refundedTicket = seatTicket(serverKey, PERFORMANCE);
        gate.statuses.put(refundedTicket.ticketId(), TicketStatus.REFUNDED);
        String refunded = TicketTokenCodec.encode(refundedTicket, serverKey);
        TicketToken used = seatTicket(serverKey, PERFORMANCE);
        gate.admitted(used.ticketId(), gate.now, "West");
        String usedText = TicketTokenCodec.encode(used, serverKey);
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        int admits = 0;
        for (int i = 0; i < 10_000; i++) {
            String text = switch (i % 8) {
                case 0 -> randomBytes(random);
                case 1 -> truncated(random);
                case 2 -> flippedBit(random);
                case 3 -> {
                    TicketToken t = seatTicket(strangerKey, PERFORMANCE);
                    yield TicketTokenCodec.encode(t, strangerKey);
                }
                case 4 -> {
                    TicketToken t = seatTicket(serverKey, PERFORMANCE);
                    gate.now = random.nextBoolean() ? t.validUntil().plus(Duration.ofMinutes(3 + random.nextInt(100000)))
                            : t.validFrom().minus(Duration.ofMinutes(3 + random.nextInt(100000)));
                    yield TicketTokenCodec.encode(t, serverKey);
                }
                case 5 -> refunded;
                case 6 -> TicketTokenCodec.encode(seatTicket(serverKey, PERFORMANCE + 1 + random.nextInt(1000)), serverKey);
                default -> random.nextBoolean() ? usedText : wrongKeyIdSignature(random);
            };
            GateVerdict verdict = GateVerdict.verdict(text, gate);
            gate.now = START.minus(Duration.ofMinutes(20));
            seen.merge(verdict.verdict(), 1, Integer::sum);
            if (verdict.verdict().admits()) {
                admits++;
            }
        }
        assertThat(admits).as("admits among fuzzed payloads: " + seen).isZero();
        assertThat(seen).containsKeys(Verdict.UNREADABLE, Verdict.BAD_SIGNATURE, Verdict.UNKNOWN_KEY, Verdict.EXPIRED,
                Verdict.NOT_YET_VALID, Verdict.REFUNDED, Verdict.WRONG_PERFORMANCE, Verdict.ALREADY_ADMITTED);
    }

    private String randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(140)];
        random.nextBytes(bytes);
        return random.nextBoolean() ? new String(bytes, StandardCharsets.ISO_8859_1)
                : TicketTokenCodec.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String truncated(Random random) {
        String genuine = TicketTokenCodec.encode(seatTicket(serverKey, PERFORMANCE), serverKey);
        return genuine.substring(0, random.nextInt(genuine.length()));
    }

    private String flippedBit(Random random) {
        byte[] all = decoded(TicketTokenCodec.encode(seatTicket(serverKey, PERFORMANCE), serverKey));
        int bit = random.nextInt(all.length * 8);
        all[bit / 8] ^= (byte) (1 << (bit % 8));
        return encoded(all);
    }

    /** A token naming the server's key id but signed by a stranger. */
    private String wrongKeyIdSignature(Random random) {
        TicketToken t = seatTicket(serverKey, PERFORMANCE);
        byte[] genuine = decoded(TicketTokenCodec.encode(t, serverKey));
        byte[] forged = decoded(TicketTokenCodec.encode(
                new TicketToken(strangerKey.keyId(), t.ticketId(), t.performanceId(), t.seatId(), null, t.priceType(),
                        t.validFrom(), t.validUntil(), 1), strangerKey));
        System.arraycopy(forged, forged.length - 64, genuine, genuine.length - 64, 64);
        return encoded(genuine);
    }

    private Verdict verdictOf(TicketToken ticket, SigningKey key) {
        return GateVerdict.verdict(TicketTokenCodec.encode(ticket, key), gate).verdict();
    }

    private static TicketToken seatTicket(SigningKey key, long performance) {
        return new TicketToken(key.keyId(), UUID.randomUUID(), performance, 1234L, null, PriceType.ADULT,
                START.minus(Duration.ofHours(2)), START.plus(Duration.ofHours(3)), 1);
    }

    private static byte[] decoded(String text) {
        return Base64.getUrlDecoder().decode(text.substring(TicketTokenCodec.PREFIX.length()));
    }

    private static String encoded(byte[] all) {
        return TicketTokenCodec.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    }

    private static byte[] seed(int n) {
        byte[] seed = new byte[32];
        seed[0] = (byte) n;
        seed[31] = (byte) (n * 7);
        return seed;
    }
}
