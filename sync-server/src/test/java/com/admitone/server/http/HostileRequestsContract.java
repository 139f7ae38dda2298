package com.admitone.server.http;

import com.admitone.server.testing.ApiClient;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static com.admitone.server.testing.ApiClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of malformed and hostile requests against every route: broken JSON, wrong types in
 * every field of every command, impossible numbers, SQL-looking strings, unknown ids, oversized and
 * deeply nested bodies, wrong content types and methods, prices and payments that do not add up.
 * None may get a 5xx, every refusal is a problem+json with a code, and nothing changes: the change
 * feed's head, the seat maps, the performance list, users, devices, orders and the audit trail are
 * the same afterwards. The generator is seeded, so a failure reproduces.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HostileRequestsContract {
    private static final long SEED = 20_261_122L;
    private static final int MIN_REQUESTS = 500;
    private static final String JSON_TYPE = "application/json";
    private static final String ALL_PERFORMANCES = "/api/performances?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z";
    /** A price no price list has, so a line carrying it can never be sold. */
    private static final long NO_SUCH_PRICE = 1_000_003;

    private static final List<String> SQL = List.of(
            "' OR '1'='1", "' OR 1=1 --", "admin'--", "1; DROP TABLE seat_status; --", "Robert'); DROP TABLE staff_user;--",
            "\" OR \"\"=\"", "1' UNION SELECT token_hash, user_id FROM staff_session --", "%' AND 1=0 UNION SELECT * FROM customer_order --",
            "'; UPDATE seat_status SET state = 'SOLD'; --", "\\'; SELECT pg_sleep(5); --");
    private static final List<String> ODD_STRINGS = List.of(
            "", " ", "NaN", "-Infinity", "Infinity", "1e309", "0x1F", "null", "undefined", "-0", "9223372036854775808",
            "\u0000", "a\u0000b", "\uFEFF", "../../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
            "\uD83C\uDFAD", "\u202Eevil", "%00", "%s%s%s%n");

    /** Device times that are instants but lie outside what the server can store or subtract from its clock. */
    private static final List<JsonNode> FAR_DEVICE_TIMES = List.of(TextNode.valueOf("+1000000000-12-31T23:59:59.999999999Z"),
            TextNode.valueOf("-1000000000-01-01T00:00:00Z"), TextNode.valueOf("+292278994-08-17T07:12:55.807Z"),
            TextNode.valueOf("-292275055-05-16T16:47:04.192Z"), TextNode.valueOf("+10000-01-01T00:00:00Z"),
            LongNode.valueOf(10_000_000_000_000_000L), LongNode.valueOf(-10_000_000_000_000_000L));
    private static final List<JsonNode> ODD_DEVICE_TIMES = List.of(TextNode.valueOf("1969-12-31T23:59:59Z"),
            TextNode.valueOf("0000-01-01T00:00:00Z"), TextNode.valueOf("2026-02-30T00:00:00Z"), TextNode.valueOf("2026-11-22T25:00:00Z"),
            TextNode.valueOf("2026-11-22"), TextNode.valueOf("2026-11-22T19:30:00+25:00"), LongNode.valueOf(Long.MAX_VALUE),
            BigIntegerNode.valueOf(BigInteger.TWO.pow(70)), DoubleNode.valueOf(1e18), DoubleNode.valueOf(-1e308), DoubleNode.valueOf(1.5));

    enum Expect {
        /** Must be a 4xx. */
        REFUSED,
        /** A command batch: a 4xx, or a 200 whose every result is REJECTED. */
        REJECTED,
        /** A read: anything but a 5xx. */
        ANSWERED,
        /** An order search: a 4xx or no orders at all. */
        NOTHING_FOUND
    }

    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    private int requests;

    private TestServer server;
    private ApiClient admin;
    private ApiClient boxOffice;
    private ApiClient gate;
    private ApiClient anonymous;
    /** Devices that have not sent a batch yet: the server reports a device's clock skew on its first batch. */
    private final java.util.Deque<ApiClient> unusedDevices = new java.util.ArrayDeque<>();

    private long theatre;
    private JsonNode theatreMap;
    private long gallery;
    private JsonNode galleryMap;
    private JsonNode soldSeat;
    private JsonNode freeSeat;
    private JsonNode otherFreeSeat;
    private String orderId;
    private String orderNumber;
    private String ticketId;
    private UUID othersHold;
    private Map<String, String> before;

    abstract Backend backend();

    @BeforeAll
    void start() {
        server = TestServer.start(backend());
        admin = server.loginAs("admin");
        boxOffice = server.loginAs("boxoffice");
        gate = server.loginAs("gate");
        anonymous = new ApiClient(server.baseUrl());
        for (int i = 0; i < 2 * FAR_DEVICE_TIMES.size() + ODD_DEVICE_TIMES.size(); i++) {
            unusedDevices.add(server.loginAs("admin"));
        }

        // Something to refund and a hold of another device, so hostile commands reach deep validation.
        theatre = admin.freshTheatrePerformance();
        JsonNode map = admin.seatMap(theatre);
        JsonNode sale = admin.command(ApiClient.sellCommand(map, ApiClient.seats(map, 0, 1), "ADULT", null));
        assertThat(sale.get("status").asText()).as(sale.toString()).isEqualTo("APPLIED");
        orderId = sale.at("/data/orderId").asText();
        orderNumber = sale.at("/data/orderNumber").asText();
        ticketId = sale.at("/data/tickets/0/id").asText();
        othersHold = UUID.randomUUID();
        JsonNode hold = boxOffice.command(ApiClient.holdCommand(theatre, othersHold, List.of(map.at("/seats/1/id").asLong()), 3600));
        assertThat(hold.get("status").asText()).as(hold.toString()).isEqualTo("APPLIED");

        theatreMap = admin.seatMap(theatre);
        soldSeat = theatreMap.at("/seats/0");
        freeSeat = theatreMap.at("/seats/2");
        otherFreeSeat = theatreMap.at("/seats/3");
        assertThat(soldSeat.get("state").asText()).isEqualTo("SOLD");
        assertThat(freeSeat.get("state").asText()).isEqualTo("FREE");
        gallery = admin.firstGalleryPerformance();
        galleryMap = admin.seatMap(gallery);
        assertThat(ticketId).isNotBlank();
        before = snapshot();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void brokenJsonIsRefused() {
        String valid = batch(anchoredSell()).toString();
        for (int i = 0; i < 40; i++) {
            int cut = 1 + random.nextInt(valid.length() - 1);
            attack("truncated at " + cut, Expect.REFUSED, admin, "POST", "/api/commands", valid.substring(0, cut), JSON_TYPE);
        }
        String[] junk = {"}", "]", ",", ",,", ":", "\"", "{", "[", "}}}}", "\\", "'", "\u0000", "NaN", "/*", "\n"};
        for (int i = 0; i < 30; i++) {
            int at = 1 + random.nextInt(valid.length() - 1);
            String bad = valid.substring(0, at) + junk[random.nextInt(junk.length)] + valid.substring(at);
            attack("junk inserted at " + at, Expect.REJECTED, admin, "POST", "/api/commands", bad, JSON_TYPE);
        }
        List<String> broken = List.of("", "{", "}", "[]", "null", "true", "42", "\"commands\"", "{\"commands\":}", "{\"commands\":[,]}",
                "{\"commands\":[{]}", "{'commands': []}", "{commands: []}", "{\"commands\": [] /* c */}", "{\"commands\": []} trailing",
                "{\"commands\": NaN}", "{\"commands\": [1, 2, 3]}", "{\"commands\": \"all\"}", "{\"commands\": {}}",
                "\uFEFF{\"commands\": []}", "{\"commands\": [null]}", "{\"commands\": [{}]}", "{\"commands\": [[]]}");
        for (String body : broken) {
            attack("broken body " + body, Expect.REJECTED, admin, "POST", "/api/commands", body, JSON_TYPE);
            attack("broken login body " + body, Expect.REFUSED, admin, "POST", "/api/auth/login", body, JSON_TYPE);
            attack("broken enrol body " + body, Expect.REFUSED, anonymous, "POST", "/api/devices/enrol", body, JSON_TYPE);
            attack("broken user body " + body, Expect.REFUSED, admin, "POST", "/api/users", body, JSON_TYPE);
        }
        assertNoFailures();
    }

    @Test
    @Order(2)
    void wrongTypesInEveryFieldOfEveryCommandAreRejected() {
        List<ObjectNode> anchored = List.of(anchoredHold(), anchoredRelease(), anchoredSell(), anchoredRefund(), anchoredBlock(),
                anchoredUnblock(), anchoredAllot(), anchoredStandingAllotment(), anchoredReleaseAllotment(), anchoredSellOffline(),
                anchoredResolveConflict(), anchoredPolicy());
        for (ObjectNode command : anchored) {
            assertAllRejected("the unmutated " + command.get("type").asText(), command);
            for (String pointer : pointers(command, "")) {
                for (JsonNode value : pick(hostileValues(), 7)) {
                    ObjectNode mutated = replaced(command, pointer, value);
                    attack(command.get("type").asText() + pointer + " = " + abbreviate(value.toString()), Expect.REJECTED, admin,
                            "POST", "/api/commands", batch(mutated).toString(), JSON_TYPE);
                }
                attack(command.get("type").asText() + " without " + pointer, Expect.REJECTED, admin, "POST", "/api/commands",
                        batch(removed(command, pointer)).toString(), JSON_TYPE);
            }
            ObjectNode extra = command.deepCopy();
            extra.put("isAdmin", true);
            attack(command.get("type").asText() + " with an unknown field", Expect.REJECTED, admin, "POST", "/api/commands",
                    batch(extra).toString(), JSON_TYPE);
        }
        assertNoFailures();
    }

    @Test
    @Order(3)
    void hostileEnvelopesAndCommandTypesAreRejected() {
        ObjectNode command = anchoredHold();
        ObjectNode envelope = ApiClient.envelope(uuid(), command);
        for (String field : List.of("key", "deviceTime", "command")) {
            for (JsonNode value : hostileValues()) {
                attack("envelope " + field + " = " + abbreviate(value.toString()), Expect.REJECTED, admin, "POST", "/api/commands",
                        wrap(replaced(envelope, "/" + field, value)).toString(), JSON_TYPE);
            }
        }
        for (JsonNode time : ODD_DEVICE_TIMES) {
            attack("device time " + time, Expect.REJECTED, admin, "POST", "/api/commands",
                    wrap(replaced(envelope, "/deviceTime", time)).toString(), JSON_TYPE);
        }
        // The server works out a device's clock skew on its first batch, so far-off times go out from new devices.
        for (JsonNode time : FAR_DEVICE_TIMES) {
            attack("device time " + time + " from a new device", Expect.REJECTED, unusedDevices.pop(), "POST", "/api/commands",
                    wrap(replaced(ApiClient.envelope(uuid(), anchoredHold()), "/deviceTime", time)).toString(), JSON_TYPE);
        }
        // The batch's send time is what the skew is measured on: odd and far-off ones, each on a device's first batch.
        for (JsonNode time : concat(ODD_DEVICE_TIMES, FAR_DEVICE_TIMES)) {
            ObjectNode batch = wrap(ApiClient.envelope(uuid(), anchoredHold()));
            batch.set("sentAt", time);
            attack("batch sentAt " + time + " from a new device", Expect.REJECTED, unusedDevices.pop(), "POST", "/api/commands",
                    batch.toString(), JSON_TYPE);
        }
        for (JsonNode type : List.of(TextNode.valueOf("DeleteEverything"), TextNode.valueOf("sellseats"), TextNode.valueOf("SellSeats "),
                TextNode.valueOf("Command"), TextNode.valueOf("com.admitone.model.sync.Commands$SellSeats"), TextNode.valueOf(""),
                NullNode.getInstance(), IntNode.valueOf(3), JSON.createArrayNode().add("HoldSeats"), TextNode.valueOf(SQL.get(3)))) {
            attack("command type " + type, Expect.REJECTED, admin, "POST", "/api/commands",
                    batch(replaced(command, "/type", type)).toString(), JSON_TYPE);
        }
        attack("command without a type", Expect.REJECTED, admin, "POST", "/api/commands",
                batch(removed(command, "/type")).toString(), JSON_TYPE);
        // Duplicated keys: whichever value the parser keeps, the command stays invalid.
        String hold = command.toString();
        String key = uuid().toString();
        for (String duplicated : List.of(
                "{\"commands\":[{\"key\":\"" + key + "\",\"key\":\"not-a-uuid\",\"command\":" + hold + "}]}",
                "{\"commands\":[{\"key\":\"" + key + "\",\"command\":" + hold + ",\"command\":" + hold + "}]}",
                "{\"commands\":[],\"commands\":[{\"key\":\"" + key + "\",\"command\":" + hold + "}]}",
                "{\"commands\":[{\"key\":\"" + key + "\",\"command\":" + hold.replace("{\"type\":\"HoldSeats\"", "{\"type\":\"HoldSeats\",\"type\":\"SellSeats\"") + "}]}",
                "{\"commands\":[{\"key\":\"" + key + "\",\"command\":" + hold.replace("{\"type\":\"HoldSeats\"", "{\"type\":\"BlockSeats\",\"type\":\"HoldSeats\"") + "}]}",
                "{\"commands\":[{\"key\":\"" + key + "\",\"command\":" + hold.replace("\"seconds\":1", "\"seconds\":1,\"seconds\":\"600\"") + "}]}",
                "{\"commands\":[{\"key\":\"" + key + "\",\"command\":" + anchoredRefund().toString().replace("\"reason\":\"\"", "\"reason\":\"\",\"reason\":\"changed my mind\"") + "}]}")) {
            attack("duplicated keys " + abbreviate(duplicated), Expect.REJECTED, admin, "POST", "/api/commands", duplicated, JSON_TYPE);
        }
        // One key sent twice in a batch with different commands; a batch over the limit.
        ArrayNode twice = JSON.createArrayNode();
        UUID same = uuid();
        twice.add(ApiClient.envelope(same, anchoredHold()));
        twice.add(ApiClient.envelope(same, anchoredBlock()));
        attack("one key for two commands", Expect.REJECTED, admin, "POST", "/api/commands", wrap(twice).toString(), JSON_TYPE);
        ArrayNode tooMany = JSON.createArrayNode();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(ApiClient.envelope(uuid(), anchoredHold()));
        }
        ApiClient.Response response = attack("1001 commands", Expect.REFUSED, admin, "POST", "/api/commands", wrap(tooMany).toString(), JSON_TYPE);
        if (response != null && response.status() < 500) {
            assertThat(response.code()).isEqualTo("BATCH_TOO_LARGE");
        }
        assertNoFailures();
    }

    @Test
    @Order(4)
    void pricesPaymentsAndQuantitiesThatDoNotAddUpAreRejected() {
        long listed = ApiClient.price(theatreMap, freeSeat.get("zone").asText(), "ADULT");
        List<ObjectNode> sells = new ArrayList<>();
        sells.add(sale(line(freeSeat, "ADULT", listed + 1), payment(listed + 1)));
        sells.add(sale(line(freeSeat, "ADULT", listed - 1), payment(listed - 1)));
        sells.add(sale(line(freeSeat, "ADULT", 0), JSON.createArrayNode()));
        sells.add(sale(line(freeSeat, "ADULT", -listed), payment(-listed)));
        sells.add(sale(line(freeSeat, "ADULT", Long.MAX_VALUE), payment(Long.MAX_VALUE)));
        sells.add(sale(line(freeSeat, "ADULT", Long.MIN_VALUE), payment(Long.MIN_VALUE)));
        sells.add(sale(line(freeSeat, "ADULT", listed), payment(listed - 1)));
        sells.add(sale(line(freeSeat, "ADULT", listed), payment(listed + 1)));
        sells.add(sale(line(freeSeat, "ADULT", listed), JSON.createArrayNode()));
        sells.add(sale(line(freeSeat, "ADULT", listed), payment(-listed)));
        sells.add(sale(line(freeSeat, "ADULT", listed), payments(listed, 0)));
        sells.add(sale(line(freeSeat, "ADULT", listed), payments(listed + 100, -100)));
        sells.add(sale(line(freeSeat, "ADULT", listed), payments(Long.MAX_VALUE, Long.MAX_VALUE)));
        sells.add(sale(line(freeSeat, "ADULT", listed), payments(Long.MAX_VALUE, 2, Long.MIN_VALUE + listed)));
        sells.add(sale(line(freeSeat, "ADULT", listed), cash(listed, listed - 1)));
        sells.add(sale(line(freeSeat, "ADULT", listed), cash(listed, -1L)));
        ObjectNode card = (ObjectNode) payment(listed).get(0);
        card.put("method", "CARD").put("tenderedMinor", listed + 500);
        sells.add(sale(line(freeSeat, "ADULT", listed), JSON.createArrayNode().add(card)));
        ObjectNode bitcoin = (ObjectNode) payment(listed).get(0);
        bitcoin.put("method", "BITCOIN");
        sells.add(sale(line(freeSeat, "ADULT", listed), JSON.createArrayNode().add(bitcoin)));
        ArrayNode many = JSON.createArrayNode();
        for (int i = 0; i < 21; i++) {
            many.add(payment(i == 0 ? listed - 20 : 1).get(0));
        }
        sells.add(sale(line(freeSeat, "ADULT", listed), many));
        // Discounts: negative, larger than the price, without a reason, on the order.
        sells.add(sale(line(freeSeat, "ADULT", listed).put("discountMinor", -100).put("discountReason", "x"), payment(listed + 100)));
        sells.add(sale(line(freeSeat, "ADULT", listed).put("discountMinor", listed + 1).put("discountReason", "x"), payment(1)));
        sells.add(sale(line(freeSeat, "ADULT", listed).put("discountMinor", 100), payment(listed - 100)));
        sells.add(sale(line(freeSeat, "ADULT", listed).put("discountMinor", Long.MIN_VALUE).put("discountReason", "x"), payment(listed)));
        sells.add(sale(line(freeSeat, "ADULT", listed), payment(listed + 50)).put("orderDiscountMinor", -50).put("orderDiscountReason", "x"));
        sells.add(sale(line(freeSeat, "ADULT", listed), payment(1)).put("orderDiscountMinor", listed + 1).put("orderDiscountReason", "x"));
        sells.add(sale(line(freeSeat, "ADULT", listed), payment(listed - 1)).put("orderDiscountMinor", 1));
        // Lines: price types off the list, a seat twice, a ticket id twice, seat and area at once, too many lines.
        sells.add(sale(line(freeSeat, "ADULT", listed).put("priceType", "FREEBIE"), payment(listed)));
        sells.add(sale(line(freeSeat, "ADULT", listed).put("priceType", "adult"), payment(listed)));
        ArrayNode twiceSeat = JSON.createArrayNode().add(line(freeSeat, "ADULT", listed)).add(line(freeSeat, "ADULT", listed));
        sells.add(sale(twiceSeat, payment(2 * listed)));
        ObjectNode first = line(freeSeat, "ADULT", listed);
        ObjectNode sameTicket = line(otherFreeSeat, "ADULT", ApiClient.price(theatreMap, otherFreeSeat.get("zone").asText(), "ADULT"));
        sameTicket.put("ticketId", first.get("ticketId").asText());
        sells.add(sale(JSON.createArrayNode().add(first).add(sameTicket), payment(listed + sameTicket.get("priceMinor").asLong())));
        sells.add(sale(line(freeSeat, "ADULT", listed).put("areaId", galleryMap.at("/areas/0/id").asLong()), payment(listed)));
        sells.add(sale(line(freeSeat, "ADULT", listed).put("seatId", 987_654_321L), payment(listed)));
        sells.add(sale(line(freeSeat, "ADULT", listed).put("seatId", soldSeat.get("id").asLong()), payment(listed)));
        ArrayNode lines = JSON.createArrayNode();
        for (int i = 0; i < 201; i++) {
            JsonNode seat = theatreMap.at("/seats/" + (10 + i));
            lines.add(line(seat, "ADULT", ApiClient.price(theatreMap, seat.get("zone").asText(), "ADULT")));
        }
        sells.add(sale(lines, payment(sum(lines))));
        sells.add(sale(JSON.createArrayNode(), JSON.createArrayNode()));
        // A hold that is not this device's, and a hold that does not exist.
        sells.add(sale(line(freeSeat, "ADULT", listed), payment(listed)).put("holdId", othersHold.toString()));
        sells.add(sale(line(freeSeat, "ADULT", listed), payment(listed)).put("holdId", uuid().toString()));
        // Selling the setup order's id again, a general-admission area of another venue.
        sells.add(sale(line(freeSeat, "ADULT", listed), payment(listed)).put("orderId", orderId));
        ObjectNode area = JSON.createObjectNode().put("ticketId", uuid().toString()).put("areaId", galleryMap.at("/areas/0/id").asLong())
                .put("priceType", "ADULT").put("priceMinor", listed).put("discountMinor", 0);
        sells.add(sale(JSON.createArrayNode().add(area), payment(listed)));
        for (ObjectNode sell : sells) {
            assertAllRejected("sale " + abbreviate(sell.toString()), sell);
        }

        // Holds with impossible quantities and durations.
        long areaId = galleryMap.at("/areas/0/id").asLong();
        for (int quantity : new int[]{-1, 0, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertAllRejected("hold of " + quantity + " places", galleryHold(areaId, quantity));
        }
        ObjectNode overflow = galleryHold(areaId, Integer.MAX_VALUE);
        ((ArrayNode) overflow.get("areas")).addObject().put("areaId", areaId).put("quantity", Integer.MAX_VALUE);
        assertAllRejected("hold whose quantities overflow", overflow);
        ObjectNode split = galleryHold(areaId, 600);
        ((ArrayNode) split.get("areas")).addObject().put("areaId", areaId).put("quantity", 600);
        assertAllRejected("hold of 600 + 600 places", split);
        assertAllRejected("hold of an unknown area", galleryHold(987_654_321L, 1));
        assertAllRejected("hold of a theatre seat in a gallery slot",
                ApiClient.holdCommand(gallery, uuid(), List.of(freeSeat.get("id").asLong()), 60));
        for (int seconds : new int[]{-1, 0, 4, 3601, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertAllRejected("hold for " + seconds + " s", ApiClient.holdCommand(theatre, uuid(), List.of(freeSeat.get("id").asLong()), seconds));
        }
        List<Long> tooManySeats = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tooManySeats.add(theatreMap.at("/seats/" + (10 + i) + "/id").asLong());
        }
        assertAllRejected("hold of 201 seats", ApiClient.holdCommand(theatre, uuid(), tooManySeats, 60));
        assertAllRejected("hold of a seat twice", ApiClient.holdCommand(theatre, uuid(),
                List.of(freeSeat.get("id").asLong(), freeSeat.get("id").asLong()), 60));
        assertAllRejected("hold of nothing", ApiClient.holdCommand(theatre, uuid(), List.of(), 60));
        assertAllRejected("hold of a sold seat", ApiClient.holdCommand(theatre, uuid(), List.of(soldSeat.get("id").asLong()), 60));
        assertAllRejected("hold added to another device's hold",
                ApiClient.holdCommand(theatre, othersHold, List.of(freeSeat.get("id").asLong()), 60));

        // Refunds: more than was paid, negative, overflowing, twice the same ticket, unknown tickets, no reason.
        List<ObjectNode> refunds = new ArrayList<>();
        refunds.add(refund(List.of(ticketId), "too much", payment(listed + 1)));
        refunds.add(refund(List.of(ticketId), "negative", payment(-listed)));
        refunds.add(refund(List.of(ticketId), "zero", payment(0)));
        refunds.add(refund(List.of(ticketId), "overflow", payments(Long.MAX_VALUE, Long.MAX_VALUE)));
        refunds.add(refund(List.of(ticketId), "overflow", payments(Long.MAX_VALUE, 2, Long.MIN_VALUE + 1)));
        refunds.add(refund(List.of(ticketId, ticketId), "twice", JSON.createArrayNode()));
        refunds.add(refund(List.of(uuid().toString()), "unknown ticket", JSON.createArrayNode()));
        refunds.add(refund(List.of(ticketId), "", JSON.createArrayNode()));
        refunds.add(refund(List.of(ticketId), "   ", JSON.createArrayNode()));
        refunds.add(refund(List.of(ticketId), "x".repeat(201), JSON.createArrayNode()));
        refunds.add(refund(List.of(ticketId), "cash back", cash(listed, listed + 1)).put("orderId", uuid().toString()));
        for (ObjectNode refund : refunds) {
            assertAllRejected("refund " + abbreviate(refund.toString()), refund);
        }

        // Valid commands from roles that may not send them.
        ObjectNode validSale = sale(line(freeSeat, "ADULT", listed), payment(listed));
        assertAllRejected(gate, "a sale from the gate", validSale);
        assertAllRejected(gate, "a hold from the gate", ApiClient.holdCommand(theatre, uuid(), List.of(freeSeat.get("id").asLong()), 60));
        assertAllRejected(gate, "a refund from the gate", refund(List.of(ticketId), "gate refund", JSON.createArrayNode()));
        ObjectNode block = JSON.createObjectNode().put("type", "BlockSeats").put("performanceId", theatre).put("reason", "house seats");
        block.putArray("seatIds").add(freeSeat.get("id").asLong());
        assertAllRejected(boxOffice, "a block from the box office", block);
        assertAllRejected(gate, "a block from the gate", block);
        assertNoFailures();
    }

    @Test
    @Order(4)
    void textWithANulCharacterIsRefusedEvenInOtherwiseValidCommands() {
        long listed = ApiClient.price(theatreMap, freeSeat.get("zone").asText(), "ADULT");
        ObjectNode sale = sale(line(freeSeat, "ADULT", listed), payment(listed));
        sale.putObject("customer").put("name", "Nul\u0000Person");
        assertAllRejected("a sale for a customer whose name has a NUL", sale);
        ObjectNode paid = sale(line(freeSeat, "ADULT", listed), payment(listed));
        ((ObjectNode) paid.at("/payments/0")).put("reference", "\u0000");
        assertAllRejected("a sale whose payment reference is a NUL", paid);
        assertAllRejected("a refund whose reason has a NUL", refund(List.of(ticketId), "changed\u0000mind", JSON.createArrayNode()));
        ObjectNode block = JSON.createObjectNode().put("type", "BlockSeats").put("performanceId", theatre).put("reason", "house\u0000seats");
        block.putArray("seatIds").add(freeSeat.get("id").asLong());
        assertAllRejected("a block whose reason has a NUL", block);
        attack("a user whose display name has a NUL", Expect.REFUSED, admin, "POST", "/api/users",
                json(Map.of("username", "nul-person", "displayName", "Nul\u0000Person", "role", "gate", "password", "long enough password")),
                JSON_TYPE);
        assertNoFailures();
    }

    @Test
    @Order(5)
    void hostileLoginsEnrolmentsAccountsAndDeviceIdsAreRefused() {
        for (String name : concat(SQL, ODD_STRINGS, List.of("x".repeat(65), "x".repeat(10_000), "ADMIN", "admin ", " admin", "Admin"))) {
            attack("login as " + abbreviate(name), Expect.REFUSED, admin, "POST", "/api/auth/login",
                    json(Map.of("username", name, "password", SQL.get(random.nextInt(SQL.size())))), JSON_TYPE);
            attack("enrol by " + abbreviate(name), Expect.REFUSED, anonymous, "POST", "/api/devices/enrol",
                    json(Map.of("name", name, "username", name, "password", SQL.get(random.nextInt(SQL.size())))), JSON_TYPE);
            attack("create user " + abbreviate(name), Expect.REFUSED, admin, "POST", "/api/users",
                    json(Map.of("username", name, "displayName", name, "role", "box_office", "password", "short")), JSON_TYPE);
            attack("revoke device " + abbreviate(name), Expect.REFUSED, admin, "POST", "/api/devices/" + encode(name) + "/revoke", null, null);
        }
        for (String role : concat(List.of("superuser", "root", "box office", "box-office", "admin,manager", ""), SQL)) {
            attack("create user with role " + role, Expect.REFUSED, admin, "POST", "/api/users",
                    json(Map.of("username", "hostile-" + random.nextInt(1000), "role", role, "password", "long enough password")), JSON_TYPE);
        }
        for (String field : List.of("username", "password", "name", "role", "displayName")) {
            for (JsonNode value : pick(hostileValues(), 4)) {
                ObjectNode login = JSON.createObjectNode().put("username", "nobody-at-all").put("password", "wrong password");
                login.set(field, value);
                attack("login " + field + " = " + abbreviate(value.toString()), Expect.REFUSED, admin, "POST", "/api/auth/login",
                        login.toString(), JSON_TYPE);
                ObjectNode enrol = JSON.createObjectNode().put("name", "counter").put("username", "nobody-at-all").put("password", "x");
                enrol.set(field, value);
                attack("enrol " + field + " = " + abbreviate(value.toString()), Expect.REFUSED, anonymous, "POST", "/api/devices/enrol",
                        enrol.toString(), JSON_TYPE);
                ObjectNode user = JSON.createObjectNode().put("username", "Not Valid!").put("role", "box_office").put("password", "x");
                user.set(field, value);
                attack("create user " + field + " = " + abbreviate(value.toString()), Expect.REFUSED, admin, "POST", "/api/users",
                        user.toString(), JSON_TYPE);
            }
        }
        for (String token : concat(SQL.subList(0, 4), List.of("x".repeat(101), "null", "undefined", "Bearer", uuid().toString()))) {
            ApiClient forged = new ApiClient(server.baseUrl()).withToken(token);
            attack("forged token " + abbreviate(token), Expect.REFUSED, forged, "GET", "/api/auth/me", null, null);
            attack("log out forged token " + abbreviate(token), Expect.REFUSED, forged, "POST", "/api/auth/logout", null, null);
            attack("commands with forged token " + abbreviate(token), Expect.REFUSED, forged, "POST", "/api/commands",
                    batch(anchoredHold()).toString(), JSON_TYPE);
        }
        for (String id : List.of(uuid().toString(), "00000000-0000-0000-0000-000000000000", "' OR 1=1 --", "x".repeat(37))) {
            ApiClient unknownDevice = new ApiClient(server.baseUrl()).withDevice(id, "guessed secret");
            attack("login on device " + abbreviate(id), Expect.REFUSED, unknownDevice, "POST", "/api/auth/login",
                    json(Map.of("username", "nobody-at-all", "password", "x")), JSON_TYPE);
        }
        assertNoFailures();
    }

    @Test
    @Order(6)
    void hostilePathAndQueryParametersAreAnswered() {
        List<String> values = concat(SQL, ODD_STRINGS, List.of("-1", "0", "1.5", "1e3", "99999999999999999999", "-9223372036854775808",
                "9223372036854775807", "2147483648", "+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z",
                "2026-13-45T00:00:00Z", "x".repeat(5000), uuid().toString()));
        for (String value : values) {
            String v = encode(value);
            attack("seat map of " + abbreviate(value), Expect.REFUSED, admin, "GET", "/api/performances/" + v + "/seats", null, null);
            attack("order " + abbreviate(value), Expect.REFUSED, admin, "GET", "/api/orders/" + v, null, null);
            attack("order search " + abbreviate(value), Expect.NOTHING_FOUND, admin, "GET", "/api/orders?q=" + v, null, null);
            for (String param : List.of("after", "limit")) {
                attack("changes " + param + "=" + abbreviate(value), Expect.ANSWERED, admin, "GET", "/api/changes?" + param + "=" + v, null, null);
            }
            for (String param : List.of("from", "to", "q")) {
                attack("performances " + param + "=" + abbreviate(value), Expect.ANSWERED, admin, "GET", "/api/performances?" + param + "=" + v,
                        null, null);
            }
            for (String param : List.of("sinceMs", "entityId", "limit")) {
                attack("audit " + param + "=" + abbreviate(value), Expect.ANSWERED, admin, "GET", "/api/audit?" + param + "=" + v, null, null);
            }
        }
        for (String value : List.of("-1", "0", "abc", "99999999999999999999", "-9223372036854775808", "2147483648", "1.5")) {
            attack("order search limit " + value, Expect.NOTHING_FOUND, admin, "GET", "/api/orders?q=nobody&limit=" + value, null, null);
            attack("changes limit " + value, Expect.ANSWERED, admin, "GET", "/api/changes?after=0&limit=" + value, null, null);
            attack("audit limit " + value, Expect.ANSWERED, admin, "GET", "/api/audit?limit=" + value, null, null);
        }
        for (String value : List.of("-1", "-9223372036854775808", "9223372036854775807", "abc")) {
            attack("audit since " + value, Expect.ANSWERED, admin, "GET", "/api/audit?sinceMs=" + value, null, null);
        }
        for (String path : List.of("/api/nothing", "/api/commands/extra", "/api//commands", "/API/COMMANDS", "/api/performances/1/seats/2",
                "/api/orders/" + orderNumber + "/refund", "/api/devices/" + encode("../users") + "/revoke", "/%2e%2e/%2e%2e/etc/passwd",
                "/api/users/" + encode(SQL.get(0)), "/webjars/" + encode("../../../etc/passwd"))) {
            attack("unknown path " + path, Expect.REFUSED, admin, "GET", path, null, null);
            attack("unknown path " + path, Expect.REFUSED, admin, "POST", path, "{}", JSON_TYPE);
        }
        assertNoFailures();
    }

    @Test
    @Order(7)
    void oversizedNestedAndMistypedBodiesAndWrongMethodsAreRefused() {
        String huge = "{\"commands\": [{\"key\": \"" + uuid() + "\", \"command\": {\"type\": \"BlockSeats\", \"reason\": \""
                + "x".repeat((int) com.admitone.server.AdmitOneServer.MAX_REQUEST_BYTES) + "\"}}]}";
        for (String path : List.of("/api/commands", "/api/auth/login", "/api/users", "/api/devices/enrol")) {
            ApiClient.Response tooLarge = attack("over 1 MB to " + path, Expect.REFUSED, path.contains("enrol") ? anonymous : admin,
                    "POST", path, huge, JSON_TYPE);
            if (tooLarge != null) {
                assertThat(tooLarge.status()).as(path).isEqualTo(413);
            }
        }
        attack("a string over the parser's limit", Expect.REFUSED, admin, "POST", "/api/commands",
                "{\"commands\": [{\"key\": \"" + uuid() + "\", \"command\": {\"type\": \"BlockSeats\", \"reason\": \"" + "x".repeat(200_000)
                        + "\"}}]}", JSON_TYPE);
        attack("a number over the parser's limit", Expect.REFUSED, admin, "POST", "/api/commands",
                "{\"commands\": [{\"key\": \"" + uuid() + "\", \"command\": {\"type\": \"BlockSeats\", \"performanceId\": " + "9".repeat(5000)
                        + "}}]}", JSON_TYPE);
        attack("a body over 1 MB on a read", Expect.ANSWERED, admin, "GET", ALL_PERFORMANCES, huge, JSON_TYPE);
        for (int depth : new int[]{65, 100, 1000, 100_000}) {
            attack("arrays nested " + depth + " deep", Expect.REFUSED, admin, "POST", "/api/commands",
                    "{\"commands\": " + "[".repeat(depth) + "]".repeat(depth) + "}", JSON_TYPE);
            attack("objects nested " + depth + " deep", Expect.REFUSED, admin, "POST", "/api/commands",
                    "{\"commands\": [{\"key\": \"" + uuid() + "\", \"command\": {\"type\": \"HoldSeats\", \"x\": "
                            + "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth) + "}}]}", JSON_TYPE);
            attack("login nested " + depth + " deep", Expect.REFUSED, admin, "POST", "/api/auth/login",
                    "{\"username\": " + "[".repeat(depth) + "]".repeat(depth) + "}", JSON_TYPE);
        }
        String anchored = batch(anchoredHold()).toString();
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=ebcdic", "application/json; charset=utf-16", "image/png", "*/*")) {
            attack("an invalid batch as " + type, Expect.REJECTED, admin, "POST", "/api/commands", anchored, type);
            attack("a login as " + type, Expect.REFUSED, admin, "POST", "/api/auth/login",
                    json(Map.of("username", "nobody-at-all", "password", "x")), type);
        }
        attack("an invalid batch without a content type", Expect.REJECTED, admin, "POST", "/api/commands", anchored, null);
        attack("XML", Expect.REFUSED, admin, "POST", "/api/commands", "<commands><command type=\"SellSeats\"/></commands>", "application/xml");
        attack("a form", Expect.REFUSED, admin, "POST", "/api/commands", "commands=%5B%5D&type=SellSeats", "application/x-www-form-urlencoded");
        attack("binary", Expect.REFUSED, admin, "POST", "/api/commands", "\u0089PNG\r\n\u001a\n\u0000\u0000", "image/png");
        List<String[]> routes = List.of(new String[]{"GET", "/health"}, new String[]{"GET", "/openapi.json"}, new String[]{"GET", "/openapi"},
                new String[]{"POST", "/api/auth/login"}, new String[]{"POST", "/api/auth/logout"}, new String[]{"GET", "/api/auth/me"},
                new String[]{"POST", "/api/devices/enrol"}, new String[]{"GET", "/api/devices"},
                new String[]{"POST", "/api/devices/" + admin.deviceId() + "/revoke"}, new String[]{"GET", "/api/users"},
                new String[]{"POST", "/api/users"}, new String[]{"POST", "/api/commands"}, new String[]{"GET", "/api/changes"},
                new String[]{"GET", "/api/changes/stream"}, new String[]{"GET", "/api/performances"},
                new String[]{"GET", "/api/performances/" + theatre + "/seats"}, new String[]{"GET", "/api/orders"},
                new String[]{"GET", "/api/orders/" + orderNumber}, new String[]{"GET", "/api/keys"}, new String[]{"GET", "/api/audit"});
        for (String[] route : routes) {
            String other = route[0].equals("GET") ? "POST" : "GET";
            boolean otherExists = routes.stream().anyMatch(r -> r[0].equals(other) && r[1].equals(route[1]));
            for (String method : otherExists ? List.of("PUT", "DELETE", "PATCH") : List.of("PUT", "DELETE", "PATCH", other)) {
                attack(method + " " + route[1], Expect.REFUSED, admin, method, route[1], method.equals("GET") ? null : anchored, JSON_TYPE);
            }
        }
        assertNoFailures();
    }

    @Test
    @Order(8)
    void nothingChangedAndEnoughRequestsWereSent() {
        Map<String, String> after = snapshot();
        for (String part : before.keySet()) {
            assertThat(after.get(part)).as(part + " changed").isEqualTo(before.get(part));
        }
        System.out.printf("%s: %d hostile requests, no 5xx, nothing changed%n", backend(), requests);
        assertThat(requests).as("hostile requests sent").isGreaterThanOrEqualTo(MIN_REQUESTS);
        assertThat(admin.get("/api/auth/me").status()).as("the admin session survived").isEqualTo(200);
        assertThat(admin.get("/health").json().get("status").asText()).isEqualTo("UP");
    }

    // ---- sending and checking

    private ApiClient.Response attack(String what, Expect expect, ApiClient client, String method, String path, String body,
                                      String contentType) {
        requests++;
        ApiClient.Response response;
        try {
            response = client.raw(method, path, body, contentType);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            failures.add(what + ": no answer (" + e + ")");
            return null;
        }
        String seen = what + " -> " + response.status() + " " + abbreviate(response.body());
        if (response.status() >= 500) {
            failures.add("5xx: " + seen);
            return response;
        }
        if (response.status() >= 400) {
            if (!response.isProblem()) {
                failures.add("not problem+json (" + response.contentType() + "): " + seen);
            } else if (codeOf(response) == null) {
                failures.add("no code: " + seen);
            }
            return response;
        }
        switch (expect) {
            case REFUSED -> failures.add("accepted: " + seen);
            case REJECTED -> {
                JsonNode results = parse(response).path("results");
                if (response.status() != 200 || !results.isArray()) {
                    failures.add("neither refused nor a result list: " + seen);
                } else {
                    for (JsonNode result : results) {
                        if (!"REJECTED".equals(result.path("status").asText()) || result.path("code").asText("").isBlank()) {
                            failures.add("command not rejected: " + seen);
                        }
                    }
                }
            }
            case NOTHING_FOUND -> {
                JsonNode found = parse(response);
                if (!found.isArray() || !found.isEmpty()) {
                    failures.add("found something: " + seen);
                }
            }
            case ANSWERED -> {
                // any answer short of a failure is fine for a read
            }
        }
        return response;
    }

    private void assertAllRejected(String what, ObjectNode command) {
        assertAllRejected(admin, what, command);
    }

    private void assertAllRejected(ApiClient client, String what, ObjectNode command) {
        attack(what, Expect.REJECTED, client, "POST", "/api/commands", batch(command).toString(), JSON_TYPE);
    }

    private void assertNoFailures() {
        List<String> found = new ArrayList<>(failures);
        failures.clear();
        assertThat(found).as("hostile requests answered wrongly").isEmpty();
    }

    /** Everything a hostile request could have changed, as text. */
    private Map<String, String> snapshot() {
        Map<String, String> state = new java.util.LinkedHashMap<>();
        state.put("change feed head", admin.get("/api/changes?after=0&limit=1").json().get("latest").asText());
        state.put("performances", admin.get(ALL_PERFORMANCES).body());
        state.put("theatre seat map", admin.get("/api/performances/" + theatre + "/seats").body());
        state.put("gallery seat map", admin.get("/api/performances/" + gallery + "/seats").body());
        state.put("order", admin.get("/api/orders/" + orderNumber).body());
        state.put("users", admin.get("/api/users").body());
        List<String> devices = new ArrayList<>();
        admin.get("/api/devices").json().forEach(d -> devices.add(d.get("id").asText() + " " + d.get("status").asText()));
        state.put("devices", devices.toString());
        state.put("audit trail", admin.get("/api/audit?limit=1000").body());
        return state;
    }

    // ---- commands that must be rejected whichever single field is changed

    /** Holds a sold seat for 1 s: wrong twice over. */
    private ObjectNode anchoredHold() {
        return ApiClient.holdCommand(theatre, uuid(), List.of(soldSeat.get("id").asLong()), 1);
    }

    /** Releases another device's hold. */
    private ObjectNode anchoredRelease() {
        ObjectNode release = JSON.createObjectNode().put("type", "ReleaseHold").put("holdId", othersHold.toString());
        release.putArray("seatIds").add(theatreMap.at("/seats/1/id").asLong());
        return release;
    }

    /** Sells a sold seat at a price no list has. */
    private ObjectNode anchoredSell() {
        ObjectNode sell = sale(line(soldSeat, "ADULT", NO_SUCH_PRICE), cash(NO_SUCH_PRICE, NO_SUCH_PRICE + 500));
        sell.putObject("customer").put("name", "Mallory").put("email", "mallory@example.com").put("phone", "+44 20 7946 0000");
        sell.put("orderDiscountReason", "none");
        return sell;
    }

    /** Refunds an unknown ticket of the setup order without a reason and pays out too much. */
    private ObjectNode anchoredRefund() {
        return refund(List.of(uuid().toString()), "", cash(Long.MAX_VALUE / 2, null));
    }

    /** Blocks a sold seat without a reason. */
    private ObjectNode anchoredBlock() {
        ObjectNode block = JSON.createObjectNode().put("type", "BlockSeats").put("performanceId", theatre).put("reason", "");
        block.putArray("seatIds").add(soldSeat.get("id").asLong());
        return block;
    }

    /** Unblocks a seat that is not blocked, without a reason. */
    private ObjectNode anchoredUnblock() {
        ObjectNode unblock = JSON.createObjectNode().put("type", "UnblockSeats").put("performanceId", theatre).put("reason", "");
        unblock.putArray("seatIds").add(freeSeat.get("id").asLong());
        return unblock;
    }

    /** Allots a sold seat until a time long past. */
    private ObjectNode anchoredAllot() {
        ObjectNode allot = JSON.createObjectNode().put("type", "AllotSeats").put("allotmentId", uuid().toString())
                .put("performanceId", theatre).put("deviceId", admin.deviceId());
        allot.putArray("seatIds").add(soldSeat.get("id").asLong());
        allot.putArray("areas");
        allot.put("until", "2001-01-01T00:00:00Z");
        return allot;
    }

    /** Asks for nothing over no days. */
    private ObjectNode anchoredStandingAllotment() {
        return JSON.createObjectNode().put("type", "RequestStandingAllotment").put("requestId", uuid().toString())
                .put("deviceId", admin.deviceId()).put("seatsPerPerformance", 0).put("placesPerArea", 0).put("days", 0);
    }

    /** Releases a seat of an allotment nobody made. */
    private ObjectNode anchoredReleaseAllotment() {
        ObjectNode release = JSON.createObjectNode().put("type", "ReleaseAllotment").put("allotmentId", uuid().toString());
        release.putArray("seatIds").add(freeSeat.get("id").asLong());
        release.putArray("areas");
        return release;
    }

    /** An offline sale of a sold seat at no listed price, from an unknown allotment, signed by a key the admin's device never had. */
    private ObjectNode anchoredSellOffline() {
        ObjectNode sell = JSON.createObjectNode().put("type", "SellOffline").put("orderId", uuid().toString())
                .put("performanceId", theatre).put("allotmentId", uuid().toString());
        com.admitone.model.ticket.SigningKey stranger = com.admitone.model.ticket.SigningKey.generate();
        UUID ticketId = uuid();
        String token = com.admitone.model.ticket.TicketTokenCodec.encode(new com.admitone.model.ticket.TicketToken(stranger.keyId(),
                ticketId, theatre, soldSeat.get("id").asLong(), null, com.admitone.model.pricing.PriceType.ADULT,
                java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.Instant.parse("2030-01-01T00:00:00Z"), 1), stranger);
        ObjectNode offline = sell.putArray("lines").addObject();
        offline.set("line", line(soldSeat, "ADULT", NO_SUCH_PRICE).put("ticketId", ticketId.toString()));
        offline.put("token", token);
        sell.set("payments", cash(NO_SUCH_PRICE, null));
        sell.put("orderDiscountMinor", 0);
        sell.put("soldAt", "2026-11-01T10:00:00Z");
        return sell;
    }

    /** Settles a conflict nobody raised with a seat that is sold. */
    private ObjectNode anchoredResolveConflict() {
        ObjectNode resolve = JSON.createObjectNode().put("type", "ResolveConflict").put("conflictId", uuid().toString())
                .put("resolution", "OTHER_SEATS").put("note", "");
        resolve.putArray("seatIds").add(soldSeat.get("id").asLong());
        resolve.putArray("payouts");
        return resolve;
    }

    /** Sets the policy of a performance that does not exist, without a reason. */
    private ObjectNode anchoredPolicy() {
        return JSON.createObjectNode().put("type", "SetProvisionalPolicy").put("performanceId", 987654321L)
                .put("policy", "ACCEPT_OR_MOVE").put("reason", "");
    }

    private ObjectNode sale(JsonNode lines, ArrayNode payments) {
        ObjectNode sell = JSON.createObjectNode().put("type", "SellSeats").put("orderId", uuid().toString()).put("performanceId", theatre);
        sell.set("lines", lines.isArray() ? lines : JSON.createArrayNode().add(lines));
        sell.set("payments", payments);
        sell.put("orderDiscountMinor", 0);
        return sell;
    }

    private ObjectNode line(JsonNode seat, String priceType, long price) {
        return JSON.createObjectNode().put("ticketId", uuid().toString()).put("seatId", seat.get("id").asLong())
                .put("priceType", priceType).put("priceMinor", price).put("discountMinor", 0);
    }

    private ArrayNode payment(long amount) {
        return payments(amount);
    }

    private ArrayNode payments(long... amounts) {
        ArrayNode payments = JSON.createArrayNode();
        for (long amount : amounts) {
            payments.addObject().put("paymentId", uuid().toString()).put("method", "CARD").put("amountMinor", amount)
                    .put("reference", "auth 123456");
        }
        return payments;
    }

    private ArrayNode cash(long amount, Long tendered) {
        ArrayNode payments = JSON.createArrayNode();
        ObjectNode cash = payments.addObject().put("paymentId", uuid().toString()).put("method", "CASH").put("amountMinor", amount);
        if (tendered != null) {
            cash.put("tenderedMinor", tendered);
        }
        return payments;
    }

    private ObjectNode refund(List<String> tickets, String reason, ArrayNode payouts) {
        ObjectNode refund = JSON.createObjectNode().put("type", "RefundTickets").put("refundId", uuid().toString()).put("orderId", orderId);
        ArrayNode ids = refund.putArray("ticketIds");
        tickets.forEach(ids::add);
        refund.put("reason", reason);
        refund.set("payouts", payouts);
        return refund;
    }

    private ObjectNode galleryHold(long areaId, int quantity) {
        ObjectNode hold = JSON.createObjectNode().put("type", "HoldSeats").put("holdId", uuid().toString()).put("performanceId", gallery);
        hold.putArray("areas").addObject().put("areaId", areaId).put("quantity", quantity);
        hold.put("seconds", 60);
        return hold;
    }

    private static long sum(ArrayNode lines) {
        long total = 0;
        for (JsonNode line : lines) {
            total += line.get("priceMinor").asLong();
        }
        return total;
    }

    private ObjectNode batch(ObjectNode command) {
        return wrap(JSON.createArrayNode().add(ApiClient.envelope(uuid(), command)));
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static ObjectNode wrap(JsonNode envelopes) {
        ObjectNode batch = JSON.createObjectNode();
        batch.set("commands", envelopes.isArray() ? envelopes : JSON.createArrayNode().add(envelopes));
        return batch;
    }

    // ---- hostile values and JSON surgery

    private List<JsonNode> hostileValues() {
        List<JsonNode> values = new ArrayList<>();
        values.add(TextNode.valueOf("abc"));
        values.add(TextNode.valueOf(""));
        values.add(TextNode.valueOf(SQL.get(random.nextInt(SQL.size()))));
        values.add(TextNode.valueOf(ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()))));
        values.add(TextNode.valueOf("x".repeat(5000)));
        values.add(TextNode.valueOf(uuid().toString()));
        values.add(TextNode.valueOf("00000000-0000-0000-0000-000000000000"));
        values.add(IntNode.valueOf(-1));
        values.add(IntNode.valueOf(0));
        values.add(LongNode.valueOf(Long.MIN_VALUE));
        values.add(LongNode.valueOf(Long.MAX_VALUE));
        values.add(LongNode.valueOf(987_654_321L));
        values.add(BigIntegerNode.valueOf(BigInteger.TWO.pow(70)));
        values.add(DoubleNode.valueOf(1.5));
        values.add(DoubleNode.valueOf(-1e308));
        values.add(BooleanNode.TRUE);
        values.add(NullNode.getInstance());
        values.add(JSON.createArrayNode());
        values.add(JSON.createArrayNode().add("x").add(-1));
        values.add(JSON.createObjectNode());
        values.add(JSON.createObjectNode().putNull("$ne"));
        return values;
    }

    private List<JsonNode> pick(List<JsonNode> values, int count) {
        List<JsonNode> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(count, shuffled.size()));
    }

    /** JSON pointers to every value below {@code node}, containers and leaves alike. */
    private static List<String> pointers(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String pointer = prefix + "/" + name;
                out.add(pointer);
                out.addAll(pointers(node.get(name), pointer));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String pointer = prefix + "/" + i;
                out.add(pointer);
                out.addAll(pointers(node.get(i), pointer));
            }
        }
        return out;
    }

    private static ObjectNode replaced(ObjectNode root, String pointer, JsonNode value) {
        ObjectNode copy = root.deepCopy();
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(path.head());
        if (parent.isObject()) {
            ((ObjectNode) parent).set(path.last().getMatchingProperty(), value);
        } else {
            ((ArrayNode) parent).set(path.last().getMatchingIndex(), value);
        }
        return copy;
    }

    private static ObjectNode removed(ObjectNode root, String pointer) {
        ObjectNode copy = root.deepCopy();
        JsonPointer path = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(path.head());
        if (parent.isObject()) {
            ((ObjectNode) parent).remove(path.last().getMatchingProperty());
        } else {
            ((ArrayNode) parent).remove(path.last().getMatchingIndex());
        }
        return copy;
    }

    // ---- small helpers

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private static String codeOf(ApiClient.Response response) {
        String code = parse(response).path("code").asText("");
        return code.isBlank() ? null : code;
    }

    private static JsonNode parse(ApiClient.Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            return JSON.missingNode();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
