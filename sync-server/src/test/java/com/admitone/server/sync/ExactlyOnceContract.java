package com.admitone.server.sync;

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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.admitone.server.testing.ApiClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/** A command is applied once however often it is sent; a second sale of a seat is refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExactlyOnceContract {
    private TestServer server;
    private ApiClient boxOffice;

    abstract Backend backend();

    @BeforeAll
    void start() {
        server = TestServer.start(backend(), 14);
        boxOffice = server.loginAs("boxoffice");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aSeatSoldAtOneCounterIsRefusedAtTheNext() {
        long performance = boxOffice.freshTheatrePerformance();
        JsonNode map = boxOffice.seatMap(performance);
        List<JsonNode> seats = ApiClient.seats(map, 0, 2);

        JsonNode first = boxOffice.command(ApiClient.sellCommand(map, seats, "ADULT", null));
        ApiClient otherCounter = server.loginAs("boxoffice");
        JsonNode second = otherCounter.command(ApiClient.sellCommand(map, seats.subList(1, 2), "CHILD", null));

        assertThat(first.get("status").asText()).isEqualTo("APPLIED");
        assertThat(first.at("/data/orderNumber").asText()).matches("[2-9A-Z]{3}-[2-9A-Z]{3}");
        assertThat(first.at("/data/tickets")).hasSize(2);
        assertThat(second.get("status").asText()).isEqualTo("REJECTED");
        assertThat(second.get("code").asText()).isEqualTo("SEAT_TAKEN");
        JsonNode after = boxOffice.seatMap(performance);
        assertThat(after.at("/seats/0/state").asText()).isEqualTo("SOLD");
        assertThat(after.at("/seats/1/state").asText()).isEqualTo("SOLD");
    }

    @Test
    void everyTicketOfAPerformanceVerifiesAndAdmitsForItsWindowHoweverItWasSigned() throws Exception {
        // The first sale of a performance is signed in the transaction; later ones are signed
        // ahead on the request's thread. A gate must not be able to tell them apart.
        long performance = boxOffice.freshTheatrePerformance();
        JsonNode map = boxOffice.seatMap(performance);
        List<JsonNode> seats = ApiClient.seats(map, 0, 6);
        java.time.Instant startsAt = boxOffice.startsAt(performance);
        com.admitone.model.ticket.VerifyingKey serverKey = com.admitone.model.ticket.VerifyingKey.ofBase64(
                boxOffice.get("/api/keys").json().get(0).get("publicKey").asText());
        List<JsonNode> tickets = new ArrayList<>();
        for (int sale = 0; sale < 3; sale++) {
            JsonNode result = boxOffice.command(ApiClient.sellCommand(map, seats.subList(2 * sale, 2 * sale + 2), "ADULT", null));
            assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("APPLIED");
            result.at("/data/tickets").forEach(tickets::add);
        }
        JsonNode refused = boxOffice.command(ApiClient.sellCommand(map, seats.subList(0, 1), "ADULT", null));
        assertThat(refused.get("code").asText()).isEqualTo("SEAT_TAKEN");

        assertThat(tickets).hasSize(6);
        for (JsonNode ticket : tickets) {
            com.admitone.model.ticket.SignedToken signed = com.admitone.model.ticket.TicketTokenCodec.decode(ticket.get("token").asText());
            assertThat(com.admitone.model.ticket.TicketTokenCodec.verify(signed, id -> serverKey)).as(ticket.toString()).isTrue();
            assertThat(signed.token().ticketId().toString()).isEqualTo(ticket.get("id").asText());
            assertThat(signed.token().seatId()).isEqualTo(ticket.get("seatId").asLong());
            assertThat(signed.token().validFrom()).isEqualTo(startsAt.minus(java.time.Duration.ofHours(2)));
            assertThat(signed.token().validUntil()).isAfter(startsAt);
        }
    }

    @Test
    void aBatchOfAThousandAppliedCommandsSentAgainChangesNothingAndAnswersTheSame() {
        long performance = boxOffice.freshTheatrePerformance();
        JsonNode map = boxOffice.seatMap(performance);
        ArrayNode envelopes = JSON.createArrayNode();
        for (int i = 0; i < 1000; i++) {
            ObjectNode command = i < 800
                    ? ApiClient.sellCommand(map, ApiClient.seats(map, i, 1), "ADULT", null)
                    : ApiClient.sellCommand(map, ApiClient.seats(map, i - 800, 1), "ADULT", null); // already sold: refused
            envelopes.add(ApiClient.envelope(UUID.randomUUID(), command));
        }
        JsonNode firstResults = boxOffice.commandBatch(envelopes);
        long feedHead = boxOffice.get("/api/changes?after=0&limit=1").json().get("latest").asLong();
        String mapBefore = boxOffice.seatMap(performance).toString();
        String ordersBefore = boxOffice.get("/api/performances").json().toString();

        JsonNode secondResults = boxOffice.commandBatch(envelopes);

        assertThat(countStatus(firstResults, "APPLIED")).isEqualTo(800);
        assertThat(countStatus(firstResults, "REJECTED")).isEqualTo(200);
        assertThat(boxOffice.get("/api/changes?after=0&limit=1").json().get("latest").asLong()).isEqualTo(feedHead);
        assertThat(boxOffice.seatMap(performance).toString()).isEqualTo(mapBefore);
        assertThat(boxOffice.get("/api/performances").json().toString()).isEqualTo(ordersBefore);
        for (int i = 0; i < 1000; i++) {
            ObjectNode original = (ObjectNode) firstResults.get(i).deepCopy();
            ObjectNode replay = (ObjectNode) secondResults.get(i).deepCopy();
            assertThat(replay.get("replayed").asBoolean()).isTrue();
            original.remove("replayed");
            replay.remove("replayed");
            assertThat(replay).isEqualTo(original);
        }
    }

    @Test
    void aSaleRefusedBetweenOthersOfItsBatchLeavesNothingAndTheOthersAllCount() {
        long performance = boxOffice.freshTheatrePerformance();
        JsonNode map = boxOffice.seatMap(performance);
        List<JsonNode> seats = ApiClient.seats(map, 20, 6);
        ObjectNode first = ApiClient.sellCommand(map, seats.subList(0, 1), "ADULT", null);
        ObjectNode clashing = ApiClient.sellCommand(map, seats.subList(0, 2), "ADULT", null);
        ObjectNode third = ApiClient.sellCommand(map, seats.subList(3, 5), "ADULT", null);
        ObjectNode refundFirst = JSON.createObjectNode().put("type", "RefundTickets")
                .put("refundId", UUID.randomUUID().toString()).put("orderId", first.get("orderId").asText())
                .put("reason", "wrong night");
        ObjectNode fifth = ApiClient.sellCommand(map, seats.subList(5, 6), "ADULT", null);

        // One request, so one transaction: the refusal comes after a sale whose rows are not yet written.
        JsonNode results = boxOffice.commands(List.of(first, clashing, third, refundFirst, fifth));

        assertThat(results).extracting(r -> r.get("status").asText()).as(results.toString())
                .containsExactly("APPLIED", "REJECTED", "APPLIED", "APPLIED", "APPLIED");
        assertThat(results.get(1).get("code").asText()).isEqualTo("SEAT_TAKEN");
        JsonNode after = boxOffice.seatMap(performance);
        assertThat(List.of(0, 1, 2, 3, 4, 5)).extracting(i -> state(after, seats.get(i)))
                .containsExactly("FREE", "FREE", "FREE", "SOLD", "SOLD", "SOLD");
        // The refused sale's order, ticket and payment ids were not taken: sent again, now that its seats are free, it goes through.
        JsonNode again = boxOffice.command(clashing);
        assertThat(again.get("status").asText()).as(again.toString()).isEqualTo("APPLIED");
        assertThat(boxOffice.get("/api/orders/" + again.at("/data/orderNumber").asText()).json().get("tickets")).hasSize(2);
    }

    @Test
    void aRefusalNamesTheSeatsThatWentAndASeatRefusedThenRefundedSellsAgainWithTicketsThatVerify() throws Exception {
        long performance = boxOffice.freshTheatrePerformance();
        JsonNode map = boxOffice.seatMap(performance);
        List<JsonNode> seats = ApiClient.seats(map, 30, 3);
        com.admitone.model.ticket.VerifyingKey serverKey = com.admitone.model.ticket.VerifyingKey.ofBase64(
                boxOffice.get("/api/keys").json().get(0).get("publicKey").asText());
        JsonNode sold = boxOffice.command(ApiClient.sellCommand(map, seats.subList(1, 2), "ADULT", null));
        assertThat(sold.get("status").asText()).as(sold.toString()).isEqualTo("APPLIED");

        // Three seats asked for, the middle one gone: the refusal names it and sells nothing.
        JsonNode refused = boxOffice.command(ApiClient.sellCommand(map, seats, "ADULT", null));
        assertThat(refused.get("code").asText()).as(refused.toString()).isEqualTo("SEAT_TAKEN");
        assertThat(refused.at("/data/seatIds")).extracting(JsonNode::asLong).containsExactly(seats.get(1).get("id").asLong());
        JsonNode between = boxOffice.seatMap(performance);
        assertThat(seats).extracting(seat -> state(between, seat)).containsExactly("FREE", "SOLD", "FREE");

        // Refunded, the seats the server just refused sell again, and their tickets verify like any other.
        JsonNode refund = boxOffice.command(JSON.createObjectNode().put("type", "RefundTickets")
                .put("refundId", UUID.randomUUID().toString()).put("orderId", sold.at("/data/orderId").asText())
                .put("reason", "double booking"));
        assertThat(refund.get("status").asText()).as(refund.toString()).isEqualTo("APPLIED");
        JsonNode resold = boxOffice.command(ApiClient.sellCommand(map, seats, "ADULT", null));
        assertThat(resold.get("status").asText()).as(resold.toString()).isEqualTo("APPLIED");
        assertThat(resold.at("/data/tickets")).hasSize(3);
        for (JsonNode ticket : resold.at("/data/tickets")) {
            com.admitone.model.ticket.SignedToken signed = com.admitone.model.ticket.TicketTokenCodec.decode(ticket.get("token").asText());
            assertThat(com.admitone.model.ticket.TicketTokenCodec.verify(signed, id -> serverKey)).as(ticket.toString()).isTrue();
            assertThat(signed.token().seatId()).isEqualTo(ticket.get("seatId").asLong());
        }
        JsonNode after = boxOffice.seatMap(performance);
        assertThat(seats).extracting(seat -> state(after, seat)).containsOnly("SOLD");
    }

    @Test
    void aGroupOfSalesRefusesSeatsGoneBeforeItAndTakenWithinItWhileARefundInTheGroupFreesItsSeatForTheNextSale() {
        long performance = boxOffice.freshTheatrePerformance();
        JsonNode map = boxOffice.seatMap(performance);
        List<JsonNode> seats = ApiClient.seats(map, 40, 8);
        JsonNode soldBefore = boxOffice.command(ApiClient.sellCommand(map, seats.subList(0, 1), "ADULT", null));
        JsonNode toRefund = boxOffice.command(ApiClient.sellCommand(map, seats.subList(1, 2), "ADULT", null));
        assertThat(List.of(soldBefore, toRefund)).extracting(r -> r.get("status").asText()).containsOnly("APPLIED");

        // One request of five sales, so one group: seat 0 went before it, seat 2 goes to its second sale.
        JsonNode sales = boxOffice.commands(List.of(
                ApiClient.sellCommand(map, seats.subList(0, 1), "ADULT", null),
                ApiClient.sellCommand(map, seats.subList(2, 3), "ADULT", null),
                ApiClient.sellCommand(map, seats.subList(2, 4), "ADULT", null),
                ApiClient.sellCommand(map, seats.subList(4, 5), "ADULT", null),
                ApiClient.sellCommand(map, seats.subList(5, 6), "ADULT", null)));
        assertThat(sales).extracting(r -> r.get("status").asText()).as(sales.toString())
                .containsExactly("REJECTED", "APPLIED", "REJECTED", "APPLIED", "APPLIED");
        assertThat(sales.get(0).at("/data/seatIds")).extracting(JsonNode::asLong).containsExactly(seats.get(0).get("id").asLong());
        assertThat(sales.get(2).at("/data/seatIds")).extracting(JsonNode::asLong).containsExactly(seats.get(2).get("id").asLong());

        // A refund and then sales in one group: the refunded seat is free for the sale after it.
        JsonNode refundThenSales = boxOffice.commands(List.of(
                JSON.createObjectNode().put("type", "RefundTickets").put("refundId", UUID.randomUUID().toString())
                        .put("orderId", toRefund.at("/data/orderId").asText()).put("reason", "wrong date"),
                ApiClient.sellCommand(map, seats.subList(1, 2), "ADULT", null),
                ApiClient.sellCommand(map, seats.subList(6, 7), "ADULT", null),
                ApiClient.sellCommand(map, seats.subList(7, 8), "ADULT", null)));
        assertThat(refundThenSales).extracting(r -> r.get("status").asText()).as(refundThenSales.toString())
                .containsOnly("APPLIED");

        JsonNode after = boxOffice.seatMap(performance);
        assertThat(seats).extracting(seat -> state(after, seat))
                .containsExactly("SOLD", "SOLD", "SOLD", "FREE", "SOLD", "SOLD", "SOLD", "SOLD");
    }

    private static String state(JsonNode seatMap, JsonNode seat) {
        for (JsonNode s : seatMap.get("seats")) {
            if (s.get("id").asLong() == seat.get("id").asLong()) {
                return s.get("state").asText();
            }
        }
        throw new AssertionError("seat " + seat + " is not on the map");
    }

    @Test
    void aKeyRetriedInTheSameBatchIsAppliedOnce() {
        long performance = boxOffice.freshTheatrePerformance();
        JsonNode map = boxOffice.seatMap(performance);
        ObjectNode sell = ApiClient.sellCommand(map, ApiClient.seats(map, 10, 3), "ADULT", null);
        UUID key = UUID.randomUUID();
        ArrayNode envelopes = JSON.createArrayNode();
        envelopes.add(ApiClient.envelope(key, sell));
        envelopes.add(ApiClient.envelope(key, sell));

        JsonNode results = boxOffice.commandBatch(envelopes);

        assertThat(results.get(0).get("status").asText()).isEqualTo("APPLIED");
        assertThat(results.get(1).get("replayed").asBoolean()).isTrue();
        assertThat(results.get(1).at("/data/orderNumber")).isEqualTo(results.get(0).at("/data/orderNumber"));
        JsonNode order = boxOffice.get("/api/orders/" + results.get(0).at("/data/orderNumber").asText()).json();
        assertThat(order.get("tickets")).hasSize(3);
    }

    private static long countStatus(JsonNode results, String status) {
        List<JsonNode> list = new ArrayList<>();
        results.forEach(list::add);
        return list.stream().filter(r -> r.get("status").asText().equals(status)).count();
    }
}
