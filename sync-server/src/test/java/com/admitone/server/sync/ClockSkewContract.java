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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clock skew is measured on when a batch was sent, not on when its commands were made: a sale made
 * offline an hour ago by a device with a right clock is no skew, a device whose clock is ten
 * minutes fast is reported in the device list and the audit trail. Real server, real database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClockSkewContract {
    private TestServer server;
    private ApiClient manager;
    private JsonNode seatMap;
    private int nextSeat;

    abstract Backend backend();

    @BeforeAll
    void start() {
        server = TestServer.start(backend(), 2);
        manager = server.loginAs("manager");
        seatMap = manager.seatMap(manager.freshTheatrePerformance());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aSaleMadeAnHourAgoOnARightClockIsNoSkewAndKeepsItsDeviceTime() {
        ApiClient till = server.loginAs("boxoffice");
        Instant madeAt = Instant.now().minus(Duration.ofHours(1));
        ObjectNode sale = nextSale();
        JsonNode result = send(till, sale, madeAt, Instant.now());
        assertThat(result.get("status").asText()).isEqualTo("APPLIED");

        JsonNode device = device(till.deviceId());
        assertThat(Math.abs(device.get("lastSkewMillis").asLong())).as("skew of a right clock").isLessThan(10_000);
        assertThat(device.get("clockSkewLarge").asBoolean()).isFalse();
        assertThat(actions(till.deviceId())).doesNotContain("clock_skew");
        // The sale is recorded with the hour-old time the device made it.
        JsonNode audit = manager.get("/api/audit?entityId=" + sale.get("orderId").asText()).json().get(0);
        assertThat(Instant.parse(audit.get("deviceTime").asText())).isEqualTo(madeAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void aDeviceWhoseClockIsTenMinutesFastIsReported() {
        ApiClient till = server.loginAs("boxoffice");
        Instant deviceNow = Instant.now().plus(Duration.ofMinutes(10));
        assertThat(send(till, nextSale(), deviceNow, deviceNow).get("status").asText()).isEqualTo("APPLIED");

        JsonNode device = device(till.deviceId());
        assertThat(device.get("lastSkewMillis").asLong()).isBetween(590_000L, 610_000L);
        assertThat(device.get("clockSkewLarge").asBoolean()).isTrue();
        JsonNode entry = null;
        for (JsonNode a : manager.get("/api/audit?entityId=" + till.deviceId()).json()) {
            if ("clock_skew".equals(a.get("action").asText())) {
                entry = a;
            }
        }
        assertThat(entry).as("a clock_skew entry in the audit trail").isNotNull();
        assertThat(entry.get("entity").asText()).isEqualTo("device");
        assertThat(entry.get("detail").asText()).contains("skewMs");
    }

    @Test
    void aBatchWithoutASendTimeMeasuresNoSkew() {
        ApiClient till = server.loginAs("boxoffice");
        ArrayNode envelopes = ApiClient.JSON.createArrayNode();
        ObjectNode envelope = ApiClient.envelope(UUID.randomUUID(), nextSale());
        envelope.put("deviceTime", Instant.now().minus(Duration.ofHours(5)).toString());
        envelopes.add(envelope);
        assertThat(till.commandBatch(envelopes).get(0).get("status").asText()).isEqualTo("APPLIED");

        JsonNode device = device(till.deviceId());
        assertThat(device.path("lastSkewMillis").isNull() || device.path("lastSkewMillis").isMissingNode()).as("no send time, no measurement: %s", device).isTrue();
        assertThat(device.get("clockSkewLarge").asBoolean()).isFalse();
    }

    private ObjectNode nextSale() {
        List<JsonNode> seats = ApiClient.seats(seatMap, nextSeat, 1);
        nextSeat++;
        return ApiClient.sellCommand(seatMap, seats, "ADULT", null);
    }

    private static JsonNode send(ApiClient client, ObjectNode command, Instant madeAt, Instant sentAt) {
        ObjectNode envelope = ApiClient.envelope(UUID.randomUUID(), command);
        envelope.put("deviceTime", madeAt.toString());
        ObjectNode batch = ApiClient.JSON.createObjectNode();
        batch.putArray("commands").add(envelope);
        batch.put("sentAt", sentAt.toString());
        ApiClient.Response r = client.post("/api/commands", batch);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("results").get(0);
    }

    private JsonNode device(String id) {
        for (JsonNode d : manager.get("/api/devices").json()) {
            if (id.equals(d.get("id").asText())) {
                return d;
            }
        }
        throw new AssertionError("device " + id + " is not listed");
    }

    private List<String> actions(String entityId) {
        List<String> actions = new ArrayList<>();
        manager.get("/api/audit?entityId=" + entityId).json().forEach(a -> actions.add(a.get("action").asText()));
        return actions;
    }
}
