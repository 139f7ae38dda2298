package com.admitone.server.offline;

import com.admitone.model.ticket.SigningKey;
import com.admitone.model.ticket.TicketTokenCodec;
import com.admitone.model.ticket.VerifyingKey;
import com.admitone.server.testing.ApiClient;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline sales reaching the server: guaranteed from an allotment, accepted, moved or in conflict,
 * never a seat sold twice; conflicts resolved; a repeated batch changes nothing. Real server, real
 * database, two real enrolled devices with their own keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OfflineSalesContract {
    private TestServer server;
    private ApiClient manager;
    private OfflineDevice laptopA;
    private OfflineDevice laptopB;

    abstract Backend backend();

    @BeforeAll
    void start() {
        server = TestServer.start(backend(), 14);
        manager = server.loginAs("manager");
        laptopA = new OfflineDevice(server.baseUrl(), "Laptop A", "boxoffice");
        laptopB = new OfflineDevice(server.baseUrl(), "Laptop B", "boxoffice");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private long performanceWith(String policy) {
        long performance = manager.freshTheatrePerformance();
        JsonNode set = manager.command(OfflineDevice.policy(performance, policy));
        assertThat(set.get("status").asText()).as(set.toString()).isEqualTo("APPLIED");
        return performance;
    }

    @Test
    void aSaleFromTheDevicesOwnAllotmentIsGuaranteedAndKeepsTheDeviceSignedTickets() {
        long performance = performanceWith("NOT_ALLOWED");
        JsonNode map = manager.seatMap(performance);
        List<Long> seats = OfflineDevice.seatIds(map, 300, 4);
        UUID allotment = UUID.randomUUID();
        manager.command(OfflineDevice.allot(allotment, performance, laptopA.deviceId(), seats, Instant.now().plus(Duration.ofHours(2))));

        ObjectNode sale = laptopA.sellOffline(map, seats.subList(0, 3), allotment);
        JsonNode result = laptopA.api.command(sale);

        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("APPLIED");
        assertThat(result.at("/data/outcome").asText()).isEqualTo("GUARANTEED");
        assertThat(result.at("/data/moves").size()).isZero();
        assertThat(AllotmentsAndKeysContract.states(manager, performance, seats)).containsExactly("SOLD", "SOLD", "SOLD", "ALLOTTED");
        for (int i = 0; i < 3; i++) {
            assertThat(result.at("/data/tickets/" + i + "/token").asText()).isEqualTo(sale.at("/lines/" + i + "/token").asText());
            assertThat(result.at("/data/tickets/" + i + "/keyId").asText()).isEqualTo(laptopA.key.keyId());
        }
        JsonNode order = manager.get("/api/orders/" + result.at("/data/orderNumber").asText()).json();
        assertThat(order.toString()).contains("GUARANTEED");
    }

    @Test
    void twoDevicesSellingTheSameSeatsOfflineAreAcceptedThenMovedNextToEachOtherInTheSameZone() {
        long performance = performanceWith("ACCEPT_OR_MOVE");
        JsonNode map = manager.seatMap(performance);
        List<Long> seats = OfflineDevice.seatIds(map, 30, 2);

        JsonNode first = laptopA.api.command(laptopA.sellOffline(map, seats, null));
        JsonNode second = laptopB.api.command(laptopB.sellOffline(map, seats, null));

        assertThat(first.at("/data/outcome").asText()).as(first.toString()).isEqualTo("ACCEPTED");
        assertThat(second.at("/data/outcome").asText()).as(second.toString()).isEqualTo("MOVED");
        JsonNode moves = second.at("/data/moves");
        assertThat(moves.size()).isEqualTo(2);
        VerifyingKey serverKey = serverKey();
        List<Long> newSeats = new ArrayList<>();
        for (JsonNode move : moves) {
            long to = move.get("toSeatId").asLong();
            newSeats.add(to);
            assertThat(seats).contains(move.get("fromSeatId").asLong());
            assertThat(OfflineDevice.zoneOf(map, to)).isEqualTo(OfflineDevice.zoneOf(map, move.get("fromSeatId").asLong()));
            assertThat(TicketTokenCodec.verify(decode(move.get("token").asText()), id -> serverKey)).isTrue();
            assertThat(decode(move.get("token").asText()).token().seatId()).isEqualTo(to);
        }
        JsonNode a = seat(map, newSeats.get(0));
        JsonNode b = seat(map, newSeats.get(1));
        assertThat(a.get("row").asText()).as("moved together, one row").isEqualTo(b.get("row").asText());
        assertThat(Math.abs(a.get("number").asInt() - b.get("number").asInt())).isEqualTo(1);
        assertThat(AllotmentsAndKeysContract.states(manager, performance, newSeats)).containsOnly("SOLD");
        assertNoSeatSoldTwice();
    }

    @Test
    void whereSeatsMayNotMoveTheSecondSaleIsAConflictWithItsMoneyKeptAndItsTicketsCancelled() {
        long performance = performanceWith("ACCEPT_IF_FREE");
        JsonNode map = manager.seatMap(performance);
        List<Long> seats = OfflineDevice.seatIds(map, 60, 3);

        JsonNode first = laptopA.api.command(laptopA.sellOffline(map, seats.subList(0, 2), null));
        JsonNode second = laptopB.api.command(laptopB.sellOffline(map, seats.subList(1, 3), null));

        assertThat(first.at("/data/outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(second.get("status").asText()).as(second.toString()).isEqualTo("CONFLICT");
        assertThat(second.at("/data/outcome").asText()).isEqualTo("CONFLICT");
        assertThat(second.at("/data/conflictId").asText()).isNotEmpty();
        // The free seat of the second sale is sold to it; the taken one is cancelled, not sold twice.
        List<String> statuses = new ArrayList<>();
        second.at("/data/tickets").forEach(t -> statuses.add(t.get("seatId").asLong() + ":" + t.get("status").asText()));
        assertThat(statuses).containsExactlyInAnyOrder(seats.get(1) + ":CANCELLED", seats.get(2) + ":VALID");
        JsonNode order = manager.get("/api/orders/" + second.at("/data/orderNumber").asText()).json();
        assertThat(order.toString()).contains("CONFLICT");
        assertNoSeatSoldTwice();
    }

    @Test
    void aPerformanceThatAllowsNoProvisionalSalesRefusesThemAndABadTokenIsRefusedWithNothingSold() {
        long performance = performanceWith("NOT_ALLOWED");
        JsonNode map = manager.seatMap(performance);
        List<Long> seats = OfflineDevice.seatIds(map, 90, 2);
        JsonNode refused = laptopA.api.command(laptopA.sellOffline(map, seats, null));

        long open = performanceWith("ACCEPT_OR_MOVE");
        JsonNode openMap = manager.seatMap(open);
        List<Long> openSeats = OfflineDevice.seatIds(openMap, 90, 2);
        JsonNode foreignKey = laptopA.api.command(laptopA.sellOffline(openMap, openSeats, null, SigningKey.generate()));
        JsonNode othersKey = laptopA.api.command(laptopA.sellOffline(openMap, openSeats, null, laptopB.key));
        ObjectNode altered = laptopA.sellOffline(openMap, openSeats, null);
        ((ObjectNode) altered.at("/lines/0/line")).put("seatId", OfflineDevice.seatIds(openMap, 95, 1).get(0));
        altered.put("orderId", UUID.randomUUID().toString());
        JsonNode alteredResult = laptopA.api.command(altered);

        assertThat(refused.get("code").asText()).isEqualTo("PROVISIONAL_NOT_ALLOWED");
        assertThat(foreignKey.get("code").asText()).isEqualTo("DEVICE_KEY_INVALID");
        assertThat(othersKey.get("code").asText()).isEqualTo("DEVICE_KEY_INVALID");
        assertThat(alteredResult.get("code").asText()).isEqualTo("DEVICE_KEY_INVALID");
        assertThat(AllotmentsAndKeysContract.states(manager, performance, seats)).containsOnly("FREE");
        assertThat(AllotmentsAndKeysContract.states(manager, open, openSeats)).containsOnly("FREE");
    }

    @Test
    void oneBatchOfOfflineSalesWithARefusedSaleAndARefundBetweenThemKeepsEverySaleButTheRefusedOne() {
        long performance = performanceWith("ACCEPT_OR_MOVE");
        JsonNode map = manager.seatMap(performance);
        List<Long> seats = OfflineDevice.seatIds(map, 200, 7);
        ObjectNode first = laptopA.sellOffline(map, seats.subList(0, 1), null);
        ObjectNode wrongTotal = laptopA.sellOffline(map, seats.subList(1, 3), null);
        long rightTotal = wrongTotal.at("/payments/0/amountMinor").asLong();
        ((ObjectNode) wrongTotal.at("/payments/0")).put("amountMinor", rightTotal - 1);
        ObjectNode second = laptopA.sellOffline(map, seats.subList(3, 5), null);
        ObjectNode refundFirst = ApiClient.JSON.createObjectNode().put("type", "RefundTickets")
                .put("refundId", UUID.randomUUID().toString()).put("orderId", first.get("orderId").asText())
                .put("reason", "customer went home");
        ObjectNode third = laptopA.sellOffline(map, seats.subList(5, 7), null);

        // One push, as a device sends what it sold offline: the applier takes it in one transaction.
        JsonNode results = laptopA.api.commands(List.of(first, wrongTotal, second, refundFirst, third));

        assertThat(results).extracting(r -> r.get("status").asText())
                .as(results.toString()).containsExactly("APPLIED", "REJECTED", "APPLIED", "APPLIED", "APPLIED");
        assertThat(results.get(1).get("code").asText()).isEqualTo("PAYMENT_MISMATCH");
        assertThat(AllotmentsAndKeysContract.states(manager, performance, seats))
                .containsExactly("FREE", "FREE", "FREE", "SOLD", "SOLD", "SOLD", "SOLD");
        assertThat(results.get(3).at("/data/refundedMinor").asLong()).isPositive();
        // Nothing of the refused sale stayed behind: the same order, tickets and payment, paid right, go through.
        ((ObjectNode) wrongTotal.at("/payments/0")).put("amountMinor", rightTotal);
        JsonNode again = laptopA.api.command(wrongTotal);
        assertThat(again.get("status").asText()).as(again.toString()).isEqualTo("APPLIED");
        assertThat(AllotmentsAndKeysContract.states(manager, performance, seats.subList(1, 3))).containsOnly("SOLD");
        assertNoSeatSoldTwice();
    }

    @Test
    void eachKindOfConflictIsResolvedOnceAndOnTheFeed() {
        long performance = performanceWith("ACCEPT_IF_FREE");
        JsonNode map = manager.seatMap(performance);
        List<String> conflicts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<Long> seats = OfflineDevice.seatIds(map, 120 + i * 3, 2);
            laptopA.api.command(laptopA.sellOffline(map, seats, null));
            JsonNode clash = laptopB.api.command(laptopB.sellOffline(map, seats, null));
            assertThat(clash.get("status").asText()).isEqualTo("CONFLICT");
            conflicts.add(clash.at("/data/conflictId").asText());
        }
        List<Long> freeSeats = OfflineDevice.seatIds(map, 160, 2);
        // A manager finds them in the list of open conflicts, with their orders.
        Map<String, JsonNode> open = conflictList("OPEN");
        assertThat(open.keySet()).containsAll(conflicts);
        assertThat(open.get(conflicts.get(0)).get("status").asText()).isEqualTo("OPEN");
        assertThat(open.get(conflicts.get(0)).get("orderNumber").asText()).isNotBlank();
        assertThat(open.get(conflicts.get(0)).get("ticketIds")).hasSize(2);
        assertThat(manager.get("/api/conflicts?status=maybe").status()).isEqualTo(400);

        JsonNode otherSeats = manager.command(resolve(conflicts.get(0), "OTHER_SEATS", freeSeats, null));
        JsonNode refund = manager.command(resolve(conflicts.get(1), "REFUND", List.of(), "customer went home"));
        JsonNode noNote = manager.command(resolve(conflicts.get(2), "MARK_RESOLVED", List.of(), null));
        JsonNode marked = manager.command(resolve(conflicts.get(2), "MARK_RESOLVED", List.of(), "sat on the steps"));
        JsonNode twice = manager.command(resolve(conflicts.get(0), "REFUND", List.of(), null));
        JsonNode takenSeats = manager.command(resolve(conflicts.get(1), "OTHER_SEATS", freeSeats, null));

        assertThat(otherSeats.get("status").asText()).as(otherSeats.toString()).isEqualTo("APPLIED");
        assertThat(otherSeats.at("/data/tickets").size()).isEqualTo(2);
        otherSeats.at("/data/tickets").forEach(t -> assertThat(t.get("status").asText()).isEqualTo("VALID"));
        assertThat(AllotmentsAndKeysContract.states(manager, performance, freeSeats)).containsOnly("SOLD");
        assertThat(refund.get("status").asText()).as(refund.toString()).isEqualTo("APPLIED");
        assertThat(refund.at("/data/refundedMinor").asLong()).isPositive();
        assertThat(noNote.get("code").asText()).isEqualTo("REASON_REQUIRED");
        assertThat(marked.get("status").asText()).isEqualTo("APPLIED");
        assertThat(twice.get("code").asText()).isEqualTo("CONFLICT_RESOLVED");
        assertThat(takenSeats.get("code").asText()).isEqualTo("CONFLICT_RESOLVED");
        JsonNode page = manager.get("/api/changes?after=0&limit=100000").json();
        int resolved = 0;
        for (JsonNode change : page.get("changes")) {
            if (change.get("entity").asText().equals("conflict") && conflicts.contains(change.get("id").asText())
                    && change.at("/data/status").asText().equals("RESOLVED")) {
                resolved++;
            }
        }
        assertThat(resolved).isEqualTo(3);
        assertThat(conflictList("OPEN").keySet()).doesNotContainAnyElementsOf(conflicts);
        Map<String, JsonNode> settled = conflictList("RESOLVED");
        assertThat(settled.get(conflicts.get(0)).get("resolution").asText()).isEqualTo("OTHER_SEATS");
        assertThat(settled.get(conflicts.get(1)).get("resolution").asText()).isEqualTo("REFUND");
        assertThat(settled.get(conflicts.get(1)).get("note").asText()).isEqualTo("customer went home");
        assertThat(settled.get(conflicts.get(2)).get("resolution").asText()).isEqualTo("MARK_RESOLVED");

        // Other seats: the order's tickets are valid again on the chosen seats, signed by the server.
        JsonNode moved = manager.get("/api/orders/" + otherSeats.at("/data/orderId").asText()).json();
        List<Long> validSeats = new ArrayList<>();
        for (JsonNode t : moved.get("tickets")) {
            if ("VALID".equals(t.get("status").asText())) {
                validSeats.add(t.get("seatId").asLong());
                assertThat(t.get("keyId").asText()).isNotEqualTo(laptopB.key.keyId());
            }
        }
        assertThat(validSeats).containsExactlyInAnyOrderElementsOf(freeSeats);
        // Refund: the cancelled tickets stay cancelled, and the money goes back as a REFUND payment of their value.
        JsonNode refunded = manager.get("/api/orders/" + refund.at("/data/orderId").asText()).json();
        refunded.get("tickets").forEach(t -> assertThat(t.get("status").asText()).isEqualTo("CANCELLED"));
        long refundPaid = 0;
        for (JsonNode p : refunded.get("payments")) {
            if ("REFUND".equals(p.get("kind").asText())) {
                refundPaid += p.get("amountMinor").asLong();
            }
        }
        assertThat(refundPaid).isEqualTo(refund.at("/data/refundedMinor").asLong());
        assertThat(refundPaid).isEqualTo(refunded.get("order").get("totalMinor").asLong());
        assertNoSeatSoldTwice();
    }

    /** GET /api/conflicts?status=..., by conflict id. */
    private Map<String, JsonNode> conflictList(String status) {
        ApiClient.Response r = manager.get("/api/conflicts?status=" + status + "&limit=1000");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        r.json().forEach(c -> byId.put(c.get("id").asText(), c));
        return byId;
    }

    @Test
    void theSameBatchPushedTwiceReturnsTheStoredResultsAndChangesNothing() {
        long performance = performanceWith("ACCEPT_OR_MOVE");
        JsonNode map = manager.seatMap(performance);
        ArrayNode batch = ApiClient.JSON.createArrayNode();
        for (int i = 0; i < 6; i++) {
            // Pairs of sales of the same seats: the second of each pair is moved.
            batch.add(ApiClient.envelope(UUID.randomUUID(), laptopA.sellOffline(map, OfflineDevice.seatIds(map, 400 + (i / 2) * 2, 2), null)));
        }
        JsonNode first = laptopA.api.commandBatch(batch);
        long head = manager.get("/api/changes?after=0&limit=1").json().get("latest").asLong();
        JsonNode second = laptopA.api.commandBatch(batch);
        long headAfter = manager.get("/api/changes?after=0&limit=1").json().get("latest").asLong();

        assertThat(headAfter).isEqualTo(head);
        for (int i = 0; i < 6; i++) {
            assertThat(second.get(i).get("replayed").asBoolean()).isTrue();
            assertThat(second.get(i).get("data")).isEqualTo(first.get(i).get("data"));
            assertThat(second.get(i).get("seq")).isEqualTo(first.get(i).get("seq"));
        }
        assertThat(first.get(1).at("/data/outcome").asText()).isEqualTo("MOVED");
        assertNoSeatSoldTwice();
    }

    @Test
    void anOfflineRefundWhoseDeviceClockIsEarlierThanALaterScanIsStillAppliedAndTheDeviceTimeIsAudited() {
        long performance = performanceWith("ACCEPT_OR_MOVE");
        JsonNode map = manager.seatMap(performance);
        JsonNode sale = laptopA.api.command(laptopA.sellOffline(map, OfflineDevice.seatIds(map, 500, 1), null));
        String orderId = sale.at("/data/orderId").asText();
        Instant refundedOffline = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ObjectNode refund = ApiClient.JSON.createObjectNode().put("type", "RefundTickets")
                .put("refundId", UUID.randomUUID().toString()).put("orderId", orderId).put("reason", "refunded while offline");
        ObjectNode envelope = ApiClient.envelope(UUID.randomUUID(), refund);
        envelope.put("deviceTime", refundedOffline.toString());
        JsonNode result = laptopA.api.commandBatch(ApiClient.JSON.createArrayNode().add(envelope)).get(0);

        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("APPLIED");
        assertThat(AllotmentsAndKeysContract.states(manager, performance, OfflineDevice.seatIds(map, 500, 1))).containsOnly("FREE");
        JsonNode audit = manager.get("/api/audit?entityId=" + orderId).json();
        boolean sawDeviceTime = false;
        for (JsonNode line : audit) {
            if (line.get("action").asText().equals("refund")) {
                sawDeviceTime = Instant.parse(line.get("deviceTime").asText()).equals(refundedOffline);
            }
        }
        assertThat(sawDeviceTime).as(audit.toString()).isTrue();
    }

    static ObjectNode resolve(String conflictId, String resolution, List<Long> seatIds, String note) {
        ObjectNode command = ApiClient.JSON.createObjectNode();
        command.put("type", "ResolveConflict");
        command.put("conflictId", conflictId);
        command.put("resolution", resolution);
        ArrayNode ids = command.putArray("seatIds");
        seatIds.forEach(ids::add);
        if (note != null) {
            command.put("note", note);
        }
        return command;
    }

    /** Straight from the database: no seat has two valid tickets, and every valid ticket's seat is SOLD to its order. */
    private void assertNoSeatSoldTwice() {
        List<Object[]> twice = server.server().database().read(s -> s.createNativeQuery(
                "SELECT performance_id, seat_id FROM ticket WHERE status = 'VALID' AND seat_id IS NOT NULL "
                        + "GROUP BY performance_id, seat_id HAVING COUNT(*) > 1", Object[].class).getResultList());
        assertThat(twice).isEmpty();
        Number mismatched = server.server().database().read(s -> (Number) s.createNativeQuery(
                "SELECT COUNT(*) FROM ticket t JOIN seat_state ss ON ss.performance_id = t.performance_id AND ss.seat_id = t.seat_id "
                        + "WHERE t.status = 'VALID' AND (ss.state <> 'SOLD' OR ss.order_id <> t.order_id)").getSingleResult());
        assertThat(mismatched.longValue()).isZero();
    }

    private VerifyingKey serverKey() {
        JsonNode keys = manager.get("/api/keys").json();
        return VerifyingKey.ofBase64(keys.get(0).get("publicKey").asText());
    }

    private static com.admitone.model.ticket.SignedToken decode(String token) {
        try {
            return TicketTokenCodec.decode(token);
        } catch (com.admitone.model.ticket.MalformedTokenException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode seat(JsonNode map, long seatId) {
        for (JsonNode seat : map.get("seats")) {
            if (seat.get("id").asLong() == seatId) {
                return seat;
            }
        }
        throw new AssertionError("no seat " + seatId);
    }
}
