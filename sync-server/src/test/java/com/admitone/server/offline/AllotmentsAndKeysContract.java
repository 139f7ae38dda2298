package com.admitone.server.offline;

import com.admitone.model.ticket.DeviceCertificate;
import com.admitone.model.ticket.SigningKey;
import com.admitone.model.ticket.VerifyingKey;
import com.admitone.server.testing.ApiClient;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Allotments keep seats for one device until their deadline, and devices get certified ticket keys
 * at enrolment; a real server on a real database, real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AllotmentsAndKeysContract {
    private TestServer server;
    private ApiClient manager;

    abstract Backend backend();

    @BeforeAll
    void start() {
        server = TestServer.start(backend(), 14);
        manager = server.loginAs("manager");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void enrolmentWithAKeyAnswersACertificateTheServerKeySignedAndPublishesItOnTheFeed() throws Exception {
        long before = manager.get("/api/changes?after=0&limit=1").json().get("latest").asLong();
        OfflineDevice device = new OfflineDevice(server.baseUrl(), "Counter K", "boxoffice");

        DeviceCertificate certificate = ApiClient.JSON.treeToValue(device.certificate, DeviceCertificate.class);
        assertThat(certificate.deviceId()).isEqualTo(device.deviceId());
        assertThat(certificate.keyId()).isEqualTo(device.key.keyId());
        assertThat(certificate.isValid(serverKey(certificate.issuerKeyId()), Instant.now())).isTrue();
        assertThat(certificate.notAfter()).isAfter(Instant.now().plus(Duration.ofDays(300)));

        JsonNode entry = lastFeedEntry(before, "device_key", device.key.keyId());
        assertThat(entry.at("/data/deviceId").asText()).isEqualTo(device.deviceId());
        assertThat(entry.at("/data/signatureBase64").asText()).isEqualTo(certificate.signatureBase64());
        assertThat(entry.at("/data/revoked").asBoolean()).isFalse();

        ApiClient.Response revoked = manager.post("/api/devices/" + device.deviceId() + "/revoke", Map.of());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(lastFeedEntry(before, "device_key", device.key.keyId()).at("/data/revoked").asBoolean()).isTrue();
    }

    @Test
    void aDeviceEnrolledWithoutAKeyCertifiesOneWithItsOwnCredentialsAndABadKeyIsRefused() throws Exception {
        ApiClient plain = new ApiClient(server.baseUrl());
        plain.enrolDevice("Old counter", "manager", "manager-demo");
        SigningKey key = SigningKey.generate();
        String publicKey = Base64.getEncoder().encodeToString(key.publicKey());

        ApiClient.Response first = plain.post("/api/devices/key", Map.of("publicKey", publicKey));
        ApiClient.Response again = plain.post("/api/devices/key", Map.of("publicKey", publicKey));
        ApiClient.Response bad = plain.post("/api/devices/key", Map.of("publicKey", "bm90IGEga2V5"));
        ApiClient.Response stranger = new ApiClient(server.baseUrl()).withDevice(plain.deviceId(), "wrong-secret")
                .post("/api/devices/key", Map.of("publicKey", publicKey));

        assertThat(first.status()).isEqualTo(200);
        DeviceCertificate certificate = ApiClient.JSON.treeToValue(first.json().get("certificate"), DeviceCertificate.class);
        assertThat(certificate.keyId()).isEqualTo(key.keyId());
        assertThat(certificate.isValid(serverKey(certificate.issuerKeyId()), Instant.now())).isTrue();
        assertThat(again.json().get("certificate")).isEqualTo(first.json().get("certificate"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.code()).isEqualTo("DEVICE_KEY_INVALID");
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.code()).isEqualTo("DEVICE_UNKNOWN");
    }

    @Test
    void anAllottedSeatIsRefusedToEveryOtherDeviceAndIsFreeAgainAtItsDeadline() throws Exception {
        OfflineDevice laptop = new OfflineDevice(server.baseUrl(), "Laptop A", "boxoffice");
        ApiClient counter = server.loginAs("boxoffice");
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        List<Long> seats = OfflineDevice.seatIds(map, 100, 3);
        Instant until = Instant.now().plusSeconds(4);
        UUID allotment = UUID.randomUUID();

        JsonNode allotted = manager.command(OfflineDevice.allot(allotment, performance, laptop.deviceId(), seats, until));
        assertThat(allotted.get("status").asText()).as(allotted.toString()).isEqualTo("APPLIED");
        assertThat(states(counter, performance, seats)).containsOnly("ALLOTTED");

        JsonNode hold = counter.command(ApiClient.holdCommand(performance, UUID.randomUUID(), seats.subList(0, 1), 60));
        JsonNode sale = counter.command(ApiClient.sellCommand(map, ApiClient.seats(map, 101, 1), "ADULT", null));
        OfflineDevice laptopB = new OfflineDevice(server.baseUrl(), "Laptop B", "boxoffice");
        JsonNode offline = laptopB.api.command(laptopB.sellOffline(map, seats.subList(2, 3), allotment));
        assertThat(hold.get("code").asText()).isEqualTo("SEAT_TAKEN");
        assertThat(sale.get("code").asText()).isEqualTo("SEAT_TAKEN");
        assertThat(offline.get("code").asText()).isEqualTo("ALLOTMENT_NOT_YOURS");

        Instant freeAt = null;
        while (Instant.now().isBefore(until.plusSeconds(5))) {
            if (states(counter, performance, seats).stream().allMatch("FREE"::equals)) {
                freeAt = Instant.now();
                break;
            }
            Thread.sleep(50);
        }
        assertThat(freeAt).as("allotted seats return to sale by themselves").isNotNull();
        assertThat(Duration.between(until, freeAt)).isLessThan(Duration.ofSeconds(2));
        assertThat(lastFeedEntry(0, "allotment", allotment.toString()).at("/data/status").asText()).isEqualTo("EXPIRED");
        JsonNode late = counter.command(ApiClient.sellCommand(map, ApiClient.seats(map, 101, 1), "ADULT", null));
        assertThat(late.get("status").asText()).isEqualTo("APPLIED");
    }

    @Test
    void aBoxOfficeAllotsToItselfOnlyAndReleasedSeatsAreFreeAtOnce() {
        ApiClient counter = server.loginAs("boxoffice");
        long performance = counter.freshTheatrePerformance();
        List<Long> seats = OfflineDevice.seatIds(counter.seatMap(performance), 200, 4);
        Instant until = Instant.now().plus(Duration.ofHours(1));

        JsonNode other = counter.command(OfflineDevice.allot(UUID.randomUUID(), performance, manager.deviceId(), seats, until));
        UUID own = UUID.randomUUID();
        JsonNode mine = counter.command(OfflineDevice.allot(own, performance, counter.deviceId(), seats, until));
        var release = ApiClient.JSON.createObjectNode().put("type", "ReleaseAllotment").put("allotmentId", own.toString());
        release.putArray("seatIds").add(seats.get(0));
        JsonNode released = counter.command(release);
        JsonNode foreignRelease = server.loginAs("boxoffice").command(
                ApiClient.JSON.createObjectNode().put("type", "ReleaseAllotment").put("allotmentId", own.toString()));

        assertThat(other.get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(mine.get("status").asText()).isEqualTo("APPLIED");
        assertThat(released.at("/data/releasedSeatIds/0").asLong()).isEqualTo(seats.get(0));
        assertThat(foreignRelease.get("code").asText()).isEqualTo("ALLOTMENT_NOT_YOURS");
        assertThat(states(counter, performance, seats)).containsExactly("FREE", "ALLOTTED", "ALLOTTED", "ALLOTTED");
    }

    @Test
    void aStandingAllotmentLeasesSeatsOfEveryPerformanceInTheWindowAndARepeatChangesNothing() {
        ApiClient counter = server.loginAs("boxoffice");
        var request = ApiClient.JSON.createObjectNode().put("type", "RequestStandingAllotment")
                .put("requestId", UUID.randomUUID().toString()).put("deviceId", counter.deviceId())
                .put("seatsPerPerformance", 6).put("placesPerArea", 5).put("days", 2);
        UUID key = UUID.randomUUID();
        var batch = ApiClient.JSON.createArrayNode().add(ApiClient.envelope(key, request));
        JsonNode first = counter.commandBatch(batch).get(0);
        JsonNode second = counter.commandBatch(ApiClient.JSON.createArrayNode()
                .add(ApiClient.envelope(UUID.randomUUID(), request))).get(0);

        assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("APPLIED");
        JsonNode allotments = first.at("/data/allotments");
        assertThat(allotments.size()).isGreaterThan(0);
        boolean sawSeats = false;
        for (JsonNode allotment : allotments) {
            if (allotment.get("seatIds").size() > 0) {
                sawSeats = true;
                assertThat(allotment.get("seatIds").size()).isEqualTo(6);
                List<Long> ids = new ArrayList<>();
                allotment.get("seatIds").forEach(id -> ids.add(id.asLong()));
                assertThat(states(counter, allotment.get("performanceId").asLong(), ids)).containsOnly("ALLOTTED");
            }
        }
        assertThat(sawSeats).isTrue();
        assertThat(second.get("data")).isEqualTo(first.get("data"));
    }

    @Test
    void eachOfflineCommandIsRefusedToTheRolesThatMayNotSendItAndChangesNothing() {
        ApiClient gate = server.loginAs("gate");
        ApiClient coordinator = server.loginAs("coordinator");
        ApiClient counter = server.loginAs("boxoffice");
        long performance = manager.freshTheatrePerformance();
        List<Long> seats = OfflineDevice.seatIds(manager.seatMap(performance), 700, 2);
        Instant until = Instant.now().plus(Duration.ofHours(1));
        long head = manager.get("/api/changes?after=0&limit=1").json().get("latest").asLong();

        List<JsonNode> refused = new ArrayList<>();
        refused.add(gate.command(OfflineDevice.allot(UUID.randomUUID(), performance, gate.deviceId(), seats, until)));
        refused.add(coordinator.command(OfflineDevice.allot(UUID.randomUUID(), performance, coordinator.deviceId(), seats, until)));
        refused.add(gate.command(ApiClient.JSON.createObjectNode().put("type", "ReleaseAllotment")
                .put("allotmentId", UUID.randomUUID().toString())));
        refused.add(gate.command(ApiClient.JSON.createObjectNode().put("type", "RequestStandingAllotment")
                .put("requestId", UUID.randomUUID().toString()).put("seatsPerPerformance", 2).put("placesPerArea", 0).put("days", 2)));
        refused.add(gate.command(ApiClient.JSON.createObjectNode().put("type", "SellOffline").put("orderId", UUID.randomUUID().toString())
                .put("performanceId", performance).put("orderDiscountMinor", 0)));
        refused.add(coordinator.command(OfflineSalesContract.resolve(UUID.randomUUID().toString(), "MARK_RESOLVED", List.of(), "x")));
        refused.add(gate.command(OfflineSalesContract.resolve(UUID.randomUUID().toString(), "MARK_RESOLVED", List.of(), "x")));
        refused.add(counter.command(OfflineDevice.policy(performance, "NOT_ALLOWED")));
        refused.add(gate.command(OfflineDevice.policy(performance, "NOT_ALLOWED")));

        for (JsonNode result : refused) {
            assertThat(result.get("code").asText()).as(result.toString()).isEqualTo("FORBIDDEN_ROLE");
        }
        assertThat(manager.get("/api/changes?after=0&limit=1").json().get("latest").asLong()).isEqualTo(head);
        assertThat(states(manager, performance, seats)).containsOnly("FREE");
    }

    private VerifyingKey serverKey(String keyId) {
        for (JsonNode key : manager.get("/api/keys").json()) {
            if (key.get("keyId").asText().equals(keyId)) {
                return VerifyingKey.ofBase64(key.get("publicKey").asText());
            }
        }
        throw new AssertionError("no server key " + keyId);
    }

    private JsonNode lastFeedEntry(long after, String entity, String id) {
        JsonNode found = null;
        long cursor = after;
        while (true) {
            JsonNode page = manager.get("/api/changes?after=" + cursor + "&limit=1000").json();
            for (JsonNode change : page.get("changes")) {
                if (change.get("entity").asText().equals(entity) && change.get("id").asText().equals(id)) {
                    found = change;
                }
            }
            cursor = page.get("next").asLong();
            if (!page.get("more").asBoolean()) {
                break;
            }
        }
        assertThat(found).as(entity + " " + id + " on the feed").isNotNull();
        return found;
    }

    static List<String> states(ApiClient client, long performance, List<Long> seats) {
        List<String> states = new ArrayList<>();
        JsonNode map = client.seatMap(performance);
        for (Long id : seats) {
            for (JsonNode s : map.get("seats")) {
                if (s.get("id").asLong() == id) {
                    states.add(s.get("state").asText());
                }
            }
        }
        return states;
    }
}
