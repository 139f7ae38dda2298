package com.admitone.server.inventory;

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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Holds keep seats for one counter until they expire, then the seats are free again by themselves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HoldsContract {
    private TestServer server;
    private ApiClient counter;

    abstract Backend backend();

    @BeforeAll
    void start() {
        server = TestServer.start(backend());
        counter = server.loginAs("boxoffice");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aHeldSeatIsFreeWithinASecondOfItsExpiryAndSellingFromTheHoldIsThenRefused() throws Exception {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        List<JsonNode> seats = ApiClient.seats(map, 40, 2);
        UUID hold = UUID.randomUUID();

        JsonNode held = counter.command(ApiClient.holdCommand(performance, hold,
                seats.stream().map(s -> s.get("id").asLong()).toList(), 5));
        assertThat(held.get("status").asText()).isEqualTo("APPLIED");
        Instant expiresAt = Instant.parse(held.at("/data/expiresAt").asText());
        assertThat(stateOf(performance, seats.get(0))).isEqualTo("HELD");

        Instant freeAt = null;
        while (Instant.now().isBefore(expiresAt.plusSeconds(3))) {
            if (stateOf(performance, seats.get(0)).equals("FREE") && stateOf(performance, seats.get(1)).equals("FREE")) {
                freeAt = Instant.now();
                break;
            }
            Thread.sleep(50);
        }
        assertThat(freeAt).as("seats become free by themselves").isNotNull();
        assertThat(Duration.between(expiresAt, freeAt)).isLessThan(Duration.ofSeconds(1));

        JsonNode sale = counter.command(ApiClient.sellCommand(map, seats, "ADULT", hold));
        assertThat(sale.get("status").asText()).isEqualTo("REJECTED");
        assertThat(sale.get("code").asText()).isEqualTo("HOLD_EXPIRED");
        assertThat(stateOf(performance, seats.get(0))).isEqualTo("FREE");
    }

    @Test
    void sellingFromALiveHoldWorksAndOtherCountersCannotTakeHeldSeats() {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        List<JsonNode> seats = ApiClient.seats(map, 60, 3);
        UUID hold = UUID.randomUUID();
        counter.command(ApiClient.holdCommand(performance, hold, seats.stream().map(s -> s.get("id").asLong()).toList(), 300));

        ApiClient other = server.loginAs("boxoffice");
        JsonNode stolen = other.command(ApiClient.sellCommand(map, seats.subList(0, 1), "ADULT", null));
        JsonNode sale = counter.command(ApiClient.sellCommand(map, seats, "CHILD", hold));

        assertThat(stolen.get("code").asText()).isEqualTo("SEAT_TAKEN");
        assertThat(sale.get("status").asText()).isEqualTo("APPLIED");
        assertThat(stateOf(performance, seats.get(2))).isEqualTo("SOLD");
    }

    @Test
    void aReleasedSeatIsFreeAtOnce() {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        List<JsonNode> seats = ApiClient.seats(map, 80, 2);
        UUID hold = UUID.randomUUID();
        counter.command(ApiClient.holdCommand(performance, hold, seats.stream().map(s -> s.get("id").asLong()).toList(), 300));

        var release = ApiClient.JSON.createObjectNode().put("type", "ReleaseHold").put("holdId", hold.toString());
        release.putArray("seatIds").add(seats.get(0).get("id").asLong());
        JsonNode released = counter.command(release);

        assertThat(released.get("status").asText()).isEqualTo("APPLIED");
        assertThat(stateOf(performance, seats.get(0))).isEqualTo("FREE");
        assertThat(stateOf(performance, seats.get(1))).isEqualTo("HELD");
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
