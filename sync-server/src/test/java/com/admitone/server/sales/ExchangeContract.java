package com.admitone.server.sales;

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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exchanges at the counter, against the real server: old tickets revoked and their seats freed, new
 * seats sold as a new order, the difference collected or paid out, all in one step or not at all.
 * The demo theatre's adult prices: PREMIUM 55.00, STANDARD 42.00, VALUE 28.00.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExchangeContract {
    private TestServer server;
    private ApiClient counter;
    private ApiClient manager;

    abstract Backend backend();

    @BeforeAll
    void start() {
        server = TestServer.start(backend(), 14); // each test takes an untouched performance, 13 in all
        counter = server.loginAs("boxoffice");
        manager = server.loginAs("manager");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    // ---------------------------------------------------------------- exchanges that work

    @Test
    void exchangingForADearerHeldSeatRevokesTheOldTicketAndCollectsTheDifference() {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        List<JsonNode> standard = seatsIn(map, "STANDARD", 2);
        JsonNode premium = seatsIn(map, "PREMIUM", 1).get(0);
        JsonNode sale = sell(map, standard);
        JsonNode oldTicket = sale.at("/data/tickets/0");
        UUID hold = UUID.randomUUID();
        assertThat(counter.command(ApiClient.holdCommand(performance, hold, List.of(premium.get("id").asLong()), 300))
                .get("status").asText()).isEqualTo("APPLIED");

        ObjectNode exchange = exchange(sale, List.of(oldTicket), map, List.of(premium), "ADULT", hold);
        cash(exchange.putArray("payments"), 1300, 2000L);
        JsonNode result = counter.command(exchange);

        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("APPLIED");
        assertThat(result.at("/data/creditMinor").asLong()).isEqualTo(4200);
        assertThat(result.at("/data/differenceMinor").asLong()).isEqualTo(1300);
        assertThat(result.at("/data/changeDueMinor").asLong()).isEqualTo(700);
        assertThat(result.at("/data/tickets/0/token").asText()).startsWith("AO1.");
        assertThat(stateOf(performance, standard.get(0))).isEqualTo("FREE");
        assertThat(stateOf(performance, standard.get(1))).isEqualTo("SOLD");
        assertThat(stateOf(performance, premium)).isEqualTo("SOLD");

        JsonNode old = order(sale.at("/data/orderId").asText());
        assertThat(old.at("/order/status").asText()).isEqualTo("PART_EXCHANGED");
        assertThat(statusOf(old, oldTicket.get("id").asText())).isEqualTo("EXCHANGED");
        assertThat(old.at("/tickets").findValuesAsText("revokedAt")).hasSize(1);
        JsonNode newOrder = order(result.at("/data/orderId").asText());
        assertThat(newOrder.at("/order/totalMinor").asLong()).isEqualTo(5500);
        assertThat(newOrder.at("/order/performanceId").asLong()).isEqualTo(performance);
        assertThat(payments(newOrder)).containsExactlyInAnyOrder("PAYMENT EXCHANGE 4200", "PAYMENT CASH 1300");
        assertThat(payments(old)).containsExactlyInAnyOrder("PAYMENT CASH 8400", "REFUND EXCHANGE 4200");
        assertThat(old.at("/payments").findValuesAsText("reference")).contains("order " + result.at("/data/orderNumber").asText());

        // the gates hear of the revocation through the feed
        JsonNode feed = counter.get("/api/changes?after=" + (result.get("seq").asLong() - 40) + "&limit=200").json();
        boolean revokedOnFeed = false;
        for (JsonNode change : feed.get("changes")) {
            if ("ticket".equals(change.get("entity").asText()) && oldTicket.get("id").asText().equals(change.get("id").asText())) {
                revokedOnFeed = "EXCHANGED".equals(change.at("/data/status").asText());
            }
        }
        assertThat(revokedOnFeed).as("the feed carries the old ticket as EXCHANGED").isTrue();
        JsonNode audit = manager.get("/api/audit?limit=50").json();
        assertThat(audit.findValuesAsText("action")).contains("exchange");
    }

    @Test
    void exchangingForACheaperSeatOfAnotherPerformancePaysTheDifferenceBack() {
        long first = counter.freshTheatrePerformance();
        JsonNode firstMap = counter.seatMap(first);
        JsonNode premium = seatsIn(firstMap, "PREMIUM", 1).get(0);
        JsonNode sale = sell(firstMap, List.of(premium));
        long second = otherFreshTheatrePerformance(first);
        JsonNode secondMap = counter.seatMap(second);
        JsonNode value = seatsIn(secondMap, "VALUE", 1).get(0);

        // no pay-outs named: the difference goes back the way the order was paid
        JsonNode result = counter.command(exchange(sale, List.of(sale.at("/data/tickets/0")), secondMap, List.of(value), "ADULT", null));

        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("APPLIED");
        assertThat(result.at("/data/differenceMinor").asLong()).isEqualTo(2800 - 5500);
        assertThat(result.at("/data/paidOutMinor").asLong()).isEqualTo(2700);
        assertThat(stateOf(first, premium)).isEqualTo("FREE");
        assertThat(stateOf(second, value)).isEqualTo("SOLD");
        JsonNode old = order(sale.at("/data/orderId").asText());
        assertThat(old.at("/order/status").asText()).isEqualTo("EXCHANGED");
        assertThat(payments(old)).containsExactlyInAnyOrder("PAYMENT CASH 5500", "REFUND EXCHANGE 2800", "REFUND CASH 2700");
        JsonNode newOrder = order(result.at("/data/orderId").asText());
        assertThat(newOrder.at("/order/performanceId").asLong()).isEqualTo(second);
        assertThat(payments(newOrder)).containsExactly("PAYMENT EXCHANGE 2800");

        // the new order refunds like any other: the money goes back by cash, never as "exchange"
        ObjectNode refund = ApiClient.JSON.createObjectNode().put("type", "RefundTickets")
                .put("refundId", UUID.randomUUID().toString()).put("orderId", newOrder.at("/order/id").asText())
                .put("reason", "changed plans");
        JsonNode refunded = counter.command(refund);
        assertThat(refunded.get("status").asText()).as(refunded.toString()).isEqualTo("APPLIED");
        assertThat(payments(order(newOrder.at("/order/id").asText()))).contains("REFUND CASH 2800");
    }

    @Test
    void aRepeatedExchangeIsAppliedOnce() {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        List<JsonNode> two = seatsIn(map, "STANDARD", 2);
        JsonNode sale = sell(map, two.subList(0, 1));
        ObjectNode exchange = exchange(sale, List.of(sale.at("/data/tickets/0")), map, two.subList(1, 2), "ADULT", null);
        ArrayNode batch = ApiClient.JSON.createArrayNode();
        UUID key = UUID.randomUUID();
        batch.add(ApiClient.envelope(key, exchange));
        JsonNode first = counter.commandBatch(batch).get(0);
        JsonNode again = counter.commandBatch(batch).get(0);

        assertThat(first.get("status").asText()).isEqualTo("APPLIED");
        assertThat(again.get("replayed").asBoolean()).isTrue();
        assertThat(again.at("/data/orderId").asText()).isEqualTo(first.at("/data/orderId").asText());
        assertThat(payments(order(sale.at("/data/orderId").asText()))).containsExactlyInAnyOrder("PAYMENT CASH 4200",
                "REFUND EXCHANGE 4200");
    }

    // ---------------------------------------------------------------- refusals change nothing

    @Test
    void aSeatTakenAtAnotherCounterRefusesTheWholeExchange() {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        List<JsonNode> standard = seatsIn(map, "STANDARD", 2);
        JsonNode sale = sell(map, standard.subList(0, 1));
        JsonNode taken = soldAtAnotherCounter(map, standard.get(1));

        JsonNode result = counter.command(exchange(sale, List.of(sale.at("/data/tickets/0")), map, List.of(taken), "ADULT", null));

        assertRefusedAndUnchanged(result, "SEAT_TAKEN", sale, performance, standard.get(0));
    }

    /**
     * The applier runs a group of commands without savepoints; an exchange onto a taken seat is
     * refused only after it has written, so the group is rolled back and run again with a savepoint
     * per command. The commands around it in the same batch must still be applied, once.
     */
    @Test
    void anExchangeRefusedAfterItWroteUndoesOnlyItselfInItsBatch() {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        List<JsonNode> standard = seatsIn(map, "STANDARD", 4);
        JsonNode sale = sell(map, standard.subList(0, 1));
        JsonNode taken = soldAtAnotherCounter(map, standard.get(1));

        JsonNode results = counter.commands(List.of(
                ApiClient.sellCommand(map, List.of(standard.get(2)), "ADULT", null),
                exchange(sale, List.of(sale.at("/data/tickets/0")), map, List.of(taken), "ADULT", null),
                ApiClient.sellCommand(map, List.of(standard.get(3)), "ADULT", null)));

        assertThat(results.get(0).get("status").asText()).as(results.toString()).isEqualTo("APPLIED");
        assertRefusedAndUnchanged(results.get(1), "SEAT_TAKEN", sale, performance, standard.get(0));
        assertThat(results.get(2).get("status").asText()).as(results.toString()).isEqualTo("APPLIED");
        for (JsonNode bought : List.of(results.get(0), results.get(2))) {
            JsonNode stored = order(bought.at("/data/orderId").asText());
            assertThat(stored.at("/tickets").findValuesAsText("status")).containsExactly("VALID");
        }
        assertThat(stateOf(performance, standard.get(2))).isEqualTo("SOLD");
        assertThat(stateOf(performance, standard.get(3))).isEqualTo("SOLD");
    }

    @Test
    void aRefundedTicketCannotBeExchanged() {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        List<JsonNode> seats = seatsIn(map, "STANDARD", 3);
        JsonNode sale = sell(map, seats.subList(0, 2));
        JsonNode ticket = sale.at("/data/tickets/0");
        ObjectNode refund = ApiClient.JSON.createObjectNode().put("type", "RefundTickets")
                .put("refundId", UUID.randomUUID().toString()).put("orderId", sale.at("/data/orderId").asText())
                .put("reason", "customer ill");
        refund.putArray("ticketIds").add(ticket.get("id").asText());
        assertThat(counter.command(refund).get("status").asText()).isEqualTo("APPLIED");

        JsonNode result = counter.command(exchange(sale, List.of(ticket), map, seats.subList(2, 3), "ADULT", null));

        assertThat(result.get("code").asText()).isEqualTo("TICKET_NOT_VALID");
        assertThat(stateOf(performance, seats.get(2))).isEqualTo("FREE");
        assertThat(statusOf(order(sale.at("/data/orderId").asText()), ticket.get("id").asText())).isEqualTo("REFUNDED");
    }

    @Test
    void aPriceThatIsNotOnThePriceListIsRefused() {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        List<JsonNode> seats = seatsIn(map, "STANDARD", 2);
        JsonNode sale = sell(map, seats.subList(0, 1));
        ObjectNode exchange = exchange(sale, List.of(sale.at("/data/tickets/0")), map, seats.subList(1, 2), "ADULT", null);
        ((ObjectNode) exchange.get("lines").get(0)).put("priceMinor", 100);
        cash(exchange.putArray("payments"), 100, null); // would be a refund, but the price is wrong first
        exchange.putArray("payouts");

        JsonNode result = counter.command(exchange);

        assertRefusedAndUnchanged(result, "PRICE_MISMATCH", sale, performance, seats.get(0));
        assertThat(stateOf(performance, seats.get(1))).isEqualTo("FREE");
    }

    @Test
    void aDifferenceNotPaidInFullIsRefused() {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        JsonNode value = seatsIn(map, "VALUE", 1).get(0);
        JsonNode premium = seatsIn(map, "PREMIUM", 1).get(0);
        JsonNode sale = sell(map, List.of(value));
        ObjectNode exchange = exchange(sale, List.of(sale.at("/data/tickets/0")), map, List.of(premium), "ADULT", null);
        cash(exchange.putArray("payments"), 1000, null); // 27.00 is due

        JsonNode result = counter.command(exchange);

        assertRefusedAndUnchanged(result, "PAYMENT_MISMATCH", sale, performance, value);
        assertThat(result.at("/data/differenceMinor").asLong()).isEqualTo(2700);
        assertThat(stateOf(performance, premium)).isEqualTo("FREE");
    }

    @Test
    void anExchangeNeedsAReasonAndATicketOfThisOrder() {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        List<JsonNode> seats = seatsIn(map, "STANDARD", 2);
        JsonNode sale = sell(map, seats.subList(0, 1));
        ObjectNode noReason = exchange(sale, List.of(sale.at("/data/tickets/0")), map, seats.subList(1, 2), "ADULT", null);
        noReason.put("reason", " ");
        ObjectNode strange = exchange(sale, List.of(sale.at("/data/tickets/0")), map, seats.subList(1, 2), "ADULT", null);
        ((ArrayNode) strange.get("ticketIds")).set(0, UUID.randomUUID().toString());

        assertRefusedAndUnchanged(counter.command(noReason), "REASON_REQUIRED", sale, performance, seats.get(0));
        assertRefusedAndUnchanged(counter.command(strange), "UNKNOWN_TICKET", sale, performance, seats.get(0));
    }

    // ---------------------------------------------------------------- manager approval above the limit

    @Test
    void aRefundAboveTheVenueLimitNeedsAManagersApproval() {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        long venue = venueOf(performance);
        assertThat(counter.get("/api/venues/" + venue + "/refund-policy").json().get("approvalAboveMinor").asLong())
                .isEqualTo(RefundApprovals.DEFAULT_LIMIT_MINOR);
        List<JsonNode> seats = seatsIn(map, "PREMIUM", 2); // 110.00, above the 100.00 limit
        JsonNode sale = sell(map, seats);
        UUID refundId = UUID.randomUUID();
        ObjectNode refund = ApiClient.JSON.createObjectNode().put("type", "RefundTickets")
                .put("refundId", refundId.toString()).put("orderId", sale.at("/data/orderId").asText())
                .put("reason", "show moved");

        JsonNode unapproved = counter.command(refund);
        assertThat(unapproved.get("code").asText()).isEqualTo("APPROVAL_REQUIRED");
        assertThat(unapproved.at("/data/limitMinor").asLong()).isEqualTo(10000);
        assertThat(stateOf(performance, seats.get(0))).isEqualTo("SOLD");

        ApiClient.Response wrongPassword = counter.post("/api/approvals", approval(refundId, "manager", "guess", 11000));
        ApiClient.Response notAManager = counter.post("/api/approvals", approval(refundId, "boxoffice", "boxoffice-demo", 11000));
        ApiClient.Response approved = counter.post("/api/approvals", approval(refundId, "manager", "manager-demo", 11000));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(notAManager.status()).isEqualTo(403);
        assertThat(notAManager.code()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("approvedBy").asText()).isEqualTo("manager");

        // the same refund id, sent again under a new key now that a manager approved it
        JsonNode done = counter.command(refund);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("APPLIED");
        assertThat(done.at("/data/refundedMinor").asLong()).isEqualTo(11000);
        assertThat(stateOf(performance, seats.get(0))).isEqualTo("FREE");
        List<String> details = manager.get("/api/audit?limit=50").json().findValuesAsText("detail");
        assertThat(details).anyMatch(d -> d.contains("approvedBy") && d.contains("manager") && d.contains("show moved"));
    }

    @Test
    void anApprovalCoversOnlyItsAmountAndAnExchangePayOutIsCheckedToo() {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        long venue = venueOf(performance);
        // a lower limit, set by a manager: paying back 27.00 now needs approval
        ApiClient.Response set = manager.send("PUT", "/api/venues/" + venue + "/refund-policy", Map.of("approvalAboveMinor", 2000));
        ApiClient.Response refused = counter.send("PUT", "/api/venues/" + venue + "/refund-policy", Map.of("approvalAboveMinor", -1));
        try {
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(refused.status()).isEqualTo(403);
            JsonNode premium = seatsIn(map, "PREMIUM", 1).get(0);
            JsonNode value = seatsIn(map, "VALUE", 1).get(0);
            JsonNode sale = sell(map, List.of(premium));
            ObjectNode exchange = exchange(sale, List.of(sale.at("/data/tickets/0")), map, List.of(value), "ADULT", null);
            UUID exchangeId = UUID.fromString(exchange.get("exchangeId").asText());

            assertRefusedAndUnchanged(counter.command(exchange), "APPROVAL_REQUIRED", sale, performance, premium);
            assertThat(counter.post("/api/approvals", approval(exchangeId, "manager", "manager-demo", 2500)).status()).isEqualTo(200);
            assertRefusedAndUnchanged(counter.command(exchange), "APPROVAL_REQUIRED", sale, performance, premium);
            assertThat(counter.post("/api/approvals", approval(exchangeId, "manager", "manager-demo", 2700)).status()).isEqualTo(200);
            JsonNode done = counter.command(exchange);
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("APPLIED");
            assertThat(done.at("/data/approvedBy").asText()).isEqualTo("manager");
            assertThat(stateOf(performance, value)).isEqualTo("SOLD");
        } finally {
            manager.send("PUT", "/api/venues/" + venue + "/refund-policy", Map.of("approvalAboveMinor", RefundApprovals.DEFAULT_LIMIT_MINOR));
        }
    }

    // ---------------------------------------------------------------- helpers

    private void assertRefusedAndUnchanged(JsonNode result, String code, JsonNode sale, long performance, JsonNode oldSeat) {
        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("REJECTED");
        assertThat(result.get("code").asText()).as(result.toString()).isEqualTo(code);
        JsonNode old = order(sale.at("/data/orderId").asText());
        assertThat(old.at("/order/status").asText()).isEqualTo("PAID");
        assertThat(old.at("/tickets").findValuesAsText("status")).containsOnly("VALID");
        assertThat(payments(old)).allMatch(p -> p.startsWith("PAYMENT "));
        assertThat(stateOf(performance, oldSeat)).isEqualTo("SOLD");
    }

    /** {@code seat}, sold by another box office: taken by the time this counter's command arrives. */
    private JsonNode soldAtAnotherCounter(JsonNode map, JsonNode seat) {
        ApiClient other = server.loginAs("boxoffice");
        assertThat(other.command(ApiClient.sellCommand(map, List.of(seat), "ADULT", null)).get("status").asText()).isEqualTo("APPLIED");
        return seat;
    }

    private JsonNode sell(JsonNode map, List<JsonNode> seats) {
        JsonNode sale = counter.command(ApiClient.sellCommand(map, seats, "ADULT", null));
        assertThat(sale.get("status").asText()).as(sale.toString()).isEqualTo("APPLIED");
        return sale;
    }

    private static ObjectNode exchange(JsonNode sale, List<JsonNode> oldTickets, JsonNode map, List<JsonNode> seats,
                                       String priceType, UUID holdId) {
        ObjectNode exchange = ApiClient.JSON.createObjectNode();
        exchange.put("type", "ExchangeTickets");
        exchange.put("exchangeId", UUID.randomUUID().toString());
        exchange.put("orderId", sale.at("/data/orderId").asText());
        ArrayNode ids = exchange.putArray("ticketIds");
        oldTickets.forEach(t -> ids.add(t.get("id").asText()));
        exchange.put("newOrderId", UUID.randomUUID().toString());
        exchange.put("performanceId", map.get("performanceId").asLong());
        if (holdId != null) {
            exchange.put("holdId", holdId.toString());
        }
        ArrayNode lines = exchange.putArray("lines");
        for (JsonNode seat : seats) {
            lines.addObject().put("ticketId", UUID.randomUUID().toString()).put("seatId", seat.get("id").asLong())
                    .put("priceType", priceType).put("priceMinor", ApiClient.price(map, seat.get("zone").asText(), priceType))
                    .put("discountMinor", 0);
        }
        exchange.put("reason", "customer asked for other seats");
        return exchange;
    }

    private static void cash(ArrayNode payments, long amount, Long tendered) {
        ObjectNode payment = payments.addObject().put("paymentId", UUID.randomUUID().toString()).put("method", "CASH")
                .put("amountMinor", amount);
        if (tendered != null) {
            payment.put("tenderedMinor", tendered);
        }
    }

    private static Map<String, Object> approval(UUID commandId, String username, String password, long amount) {
        return Map.of("commandId", commandId.toString(), "username", username, "password", password, "amountMinor", amount);
    }

    private JsonNode order(String id) {
        ApiClient.Response response = counter.get("/api/orders/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> payments(JsonNode orderView) {
        List<String> lines = new ArrayList<>();
        for (JsonNode p : orderView.get("payments")) {
            lines.add(p.get("kind").asText() + " " + p.get("method").asText() + " " + p.get("amountMinor").asLong());
        }
        return lines;
    }

    private static String statusOf(JsonNode orderView, String ticketId) {
        for (JsonNode t : orderView.get("tickets")) {
            if (t.get("id").asText().equals(ticketId)) {
                return t.get("status").asText();
            }
        }
        throw new AssertionError("no ticket " + ticketId);
    }

    /** Free seats of a zone, taken from the end of the map so tests of one class do not meet. */
    private List<JsonNode> seatsIn(JsonNode map, String zone, int count) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode seat : map.get("seats")) {
            if (seat.get("zone").asText().equals(zone) && "FREE".equals(seat.get("state").asText())) {
                found.add(seat);
                if (found.size() == count) {
                    return found;
                }
            }
        }
        throw new IllegalStateException("not " + count + " free " + zone + " seats");
    }

    private long otherFreshTheatrePerformance(long not) {
        for (JsonNode p : counter.get("/api/performances").json()) {
            if (p.get("id").asLong() != not && p.get("seatCount").asInt() == 800 && p.get("free").asInt() == 800) {
                return p.get("id").asLong();
            }
        }
        throw new IllegalStateException("no second untouched theatre performance");
    }

    private long venueOf(long performance) {
        for (JsonNode p : counter.get("/api/performances").json()) {
            if (p.get("id").asLong() == performance) {
                return p.get("venueId").asLong();
            }
        }
        throw new IllegalStateException("no performance " + performance);
    }

    private String stateOf(long performance, JsonNode seat) {
        for (JsonNode s : counter.seatMap(performance).get("seats")) {
            if (s.get("id").asLong() == seat.get("id").asLong()) {
                return s.get("state").asText();
            }
        }
        throw new AssertionError("seat not found");
    }
}
