package com.admitone.server.gate;

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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.admitone.server.testing.ApiClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/** Gates send their scans with RecordScans; the server stores every one and publishes it on the feed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScanRecordingContract {
    private TestServer server;
    private ApiClient boxOffice;
    private ApiClient northGate;
    private ApiClient southGate;

    abstract Backend backend();

    @BeforeAll
    void start() {
        server = TestServer.start(backend());
        boxOffice = server.loginAs("boxoffice");
        northGate = server.loginAs("gate");
        southGate = server.loginAs("gate");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aSecondAdmissionAtAnotherGateIsStoredAndMarkedDuplicate() {
        long performance = boxOffice.freshTheatrePerformance();
        JsonNode map = boxOffice.seatMap(performance);
        JsonNode sold = boxOffice.command(ApiClient.sellCommand(map, ApiClient.seats(map, 0, 1), "ADULT", null));
        String ticketId = sold.at("/data/tickets/0/id").asText();
        assertThat(ticketId).isNotBlank();
        long head = head();

        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        JsonNode north = northGate.command(recordScans(scan(first, ticketId, performance, "North", "ADMIT", "ENTRY")));
        JsonNode south = southGate.command(recordScans(scan(second, ticketId, performance, "South", "ADMIT", "ENTRY")));

        assertThat(north.get("status").asText()).isEqualTo("APPLIED");
        assertThat(north.at("/data/recorded").asInt()).isEqualTo(1);
        assertThat(north.at("/data/duplicates")).isEmpty();
        assertThat(south.get("status").asText()).isEqualTo("APPLIED");
        assertThat(south.at("/data/duplicates/0").asText()).isEqualTo(second.toString());

        List<JsonNode> scans = scansAfter(head);
        assertThat(scans).extracting(c -> c.get("id").asText()).containsExactly(first.toString(), second.toString());
        assertThat(scans.get(0).at("/data/duplicate").asBoolean()).isFalse();
        assertThat(scans.get(0).at("/data/gate").asText()).isEqualTo("North");
        assertThat(scans.get(0).at("/data/ticketId").asText()).isEqualTo(ticketId);
        assertThat(scans.get(1).at("/data/duplicate").asBoolean()).isTrue();
        assertThat(scans.get(1).at("/data/verdict").asText()).isEqualTo("ADMIT");
    }

    @Test
    void anExitFreesTheAdmissionAndRefusedScansAreStoredToo() {
        String ticketId = UUID.randomUUID().toString();
        long head = head();
        JsonNode result = northGate.command(recordScans(
                scan(UUID.randomUUID(), ticketId, 1, "North", "ADMIT", "ENTRY"),
                scan(UUID.randomUUID(), ticketId, 1, "North", "EXITED", "EXIT"),
                scan(UUID.randomUUID(), ticketId, 1, "North", "ADMIT", "ENTRY"),
                scan(UUID.randomUUID(), ticketId, 1, "South", "ALREADY_ADMITTED", "ENTRY"),
                scan(UUID.randomUUID(), null, null, "South", "UNREADABLE", "ENTRY")));
        assertThat(result.get("status").asText()).isEqualTo("APPLIED");
        assertThat(result.at("/data/recorded").asInt()).isEqualTo(5);
        assertThat(result.at("/data/duplicates")).isEmpty();
        assertThat(scansAfter(head)).hasSize(5);
    }

    @Test
    void aScanSentAgainUnderANewKeyIsStoredOnce() {
        long head = head();
        ObjectNode scans = recordScans(scan(UUID.randomUUID(), UUID.randomUUID().toString(), 1, "North", "ADMIT", "ENTRY"));
        JsonNode first = northGate.command(scans);
        JsonNode again = northGate.command(scans.deepCopy());
        assertThat(first.at("/data/recorded").asInt()).isEqualTo(1);
        assertThat(again.get("status").asText()).isEqualTo("APPLIED");
        assertThat(again.get("replayed").asBoolean()).isFalse();
        assertThat(again.at("/data/recorded").asInt()).isZero();
        assertThat(scansAfter(head)).hasSize(1);
    }

    @Test
    void onlyGatesManagersAndAdminsRecordScans() {
        JsonNode refused = boxOffice.command(recordScans(scan(UUID.randomUUID(), null, null, "North", "UNREADABLE", "ENTRY")));
        assertThat(refused.get("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        JsonNode manager = server.loginAs("manager")
                .command(recordScans(scan(UUID.randomUUID(), null, null, "North", "UNREADABLE", "ENTRY")));
        assertThat(manager.get("status").asText()).isEqualTo("APPLIED");
    }

    @Test
    void invalidScansAreRefusedAndNothingIsStored() {
        long head = head();
        List<ObjectNode> bad = List.of(
                recordScans(),
                recordScans(scan(UUID.randomUUID(), null, null, "North", "MAYBE", "ENTRY")),
                recordScans(scan(UUID.randomUUID(), null, null, "North", "ADMIT", "SIDEWAYS")),
                recordScans(scan(UUID.randomUUID(), null, null, " ", "ADMIT", "ENTRY")),
                recordScans(scan(UUID.randomUUID(), null, null, "North", "ADMIT", "ENTRY"),
                        scan(UUID.randomUUID(), null, null, "x".repeat(81), "ADMIT", "ENTRY")));
        for (ObjectNode command : bad) {
            JsonNode result = northGate.command(command);
            assertThat(result.get("status").asText()).as(command.toString()).isEqualTo("REJECTED");
            assertThat(result.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(scansAfter(head)).isEmpty();
    }

    private long head() {
        return northGate.get("/api/changes?after=0&limit=1").json().get("latest").asLong();
    }

    private List<JsonNode> scansAfter(long after) {
        List<JsonNode> scans = new ArrayList<>();
        for (JsonNode change : northGate.get("/api/changes?after=" + after + "&limit=1000").json().get("changes")) {
            if (change.get("entity").asText().equals("scan")) {
                scans.add(change);
            }
        }
        return scans;
    }

    static ObjectNode recordScans(ObjectNode... scans) {
        ObjectNode command = JSON.createObjectNode();
        command.put("type", "RecordScans");
        ArrayNode list = command.putArray("scans");
        for (ObjectNode scan : scans) {
            list.add(scan);
        }
        return command;
    }

    static ObjectNode scan(UUID scanId, String ticketId, Number performanceId, String gate, String verdict, String mode) {
        ObjectNode scan = JSON.createObjectNode();
        scan.put("scanId", scanId.toString());
        if (ticketId != null) {
            scan.put("ticketId", ticketId);
        }
        if (performanceId != null) {
            scan.put("performanceId", performanceId.longValue());
        }
        scan.put("gate", gate);
        scan.put("deviceTime", Instant.now().toString());
        scan.put("verdict", verdict);
        scan.put("mode", mode);
        return scan;
    }
}
