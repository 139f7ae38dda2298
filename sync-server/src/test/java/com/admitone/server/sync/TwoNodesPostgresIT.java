package com.admitone.server.sync;

import com.admitone.server.testing.ApiClient;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server nodes on one PostgreSQL database, as a venue runs them behind a load balancer,
 * selling the same seats at the same moment in groups of sales (which each node writes in one
 * statement at the end of the group): every seat is sold once, to one of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesPostgresIT {
    private TestServer first;
    private TestServer second;

    @BeforeAll
    void start() {
        first = TestServer.start(Backend.POSTGRESQL, 14);
        second = first.secondNode();
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.close();
        }
        first.close();
    }

    @Test
    void twoNodesSellingTheSameSeatsAtOnceSellEachSeatOnceToOneOfThem() throws Exception {
        ApiClient atFirst = first.loginAs("boxoffice");
        ApiClient atSecond = second.loginAs("boxoffice");
        long performance = atFirst.freshTheatrePerformance();
        JsonNode map = atFirst.seatMap(performance);
        int rounds = 20;
        int perRound = 6;
        List<JsonNode> seats = ApiClient.seats(map, 100, rounds * perRound);
        Map<Long, Integer> applied = new HashMap<>();
        Map<Long, Integer> refused = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                List<JsonNode> these = seats.subList(round * perRound, (round + 1) * perRound);
                List<ObjectNode> forward = new ArrayList<>();
                List<ObjectNode> backward = new ArrayList<>();
                for (int i = 0; i < perRound; i++) {
                    forward.add(ApiClient.sellCommand(map, List.of(these.get(i)), "ADULT", null));
                    backward.add(ApiClient.sellCommand(map, List.of(these.get(perRound - 1 - i)), "ADULT", null));
                }
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<JsonNode> one = CompletableFuture.supplyAsync(() -> await(go, () -> atFirst.commands(forward)), pool);
                CompletableFuture<JsonNode> two = CompletableFuture.supplyAsync(() -> await(go, () -> atSecond.commands(backward)), pool);
                go.countDown();
                for (JsonNode results : List.of(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS))) {
                    for (JsonNode result : results) {
                        String status = result.get("status").asText();
                        if (status.equals("APPLIED")) {
                            for (JsonNode ticket : result.at("/data/tickets")) {
                                applied.merge(ticket.get("seatId").asLong(), 1, Integer::sum);
                            }
                        } else {
                            assertThat(result.get("code").asText()).as(result.toString()).isEqualTo("SEAT_TAKEN");
                            refused.merge(result.at("/data/seatIds/0").asLong(), 1, Integer::sum);
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }

        // Both nodes asked for every seat: one sold it, the other was told it was taken.
        List<Long> ids = seats.stream().map(s -> s.get("id").asLong()).toList();
        assertThat(applied).containsOnlyKeys(ids);
        assertThat(applied.values()).containsOnly(1);
        assertThat(refused).containsOnlyKeys(ids);
        assertThat(refused.values()).containsOnly(1);
        for (ApiClient node : List.of(atFirst, atSecond)) {
            JsonNode after = node.seatMap(performance);
            for (JsonNode seat : after.get("seats")) {
                if (ids.contains(seat.get("id").asLong())) {
                    assertThat(seat.get("state").asText()).as(seat.toString()).isEqualTo("SOLD");
                }
            }
        }
    }

    private static JsonNode await(CountDownLatch go, java.util.function.Supplier<JsonNode> send) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return send.get();
    }
}
