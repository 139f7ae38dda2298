package com.admitone.server.feed;

import com.admitone.server.testing.ApiClient;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The change feed: ordered, paged, complete; live push announces its head; the audit trail names who did it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChangeFeedContract {
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
    void pagesAreStrictlyIncreasingAndEndAtTheHead() {
        List<Long> seqs = new ArrayList<>();
        long cursor = 0;
        boolean more = true;
        long latest = 0;
        while (more) {
            JsonNode page = counter.get("/api/changes?after=" + cursor + "&limit=700").json();
            for (JsonNode change : page.get("changes")) {
                seqs.add(change.get("seq").asLong());
            }
            assertThat(page.get("changes").size()).isLessThanOrEqualTo(700);
            cursor = page.get("next").asLong();
            more = page.get("more").asBoolean();
            latest = page.get("latest").asLong();
        }
        assertThat(seqs).isNotEmpty().isSorted().doesNotHaveDuplicates();
        assertThat(seqs.get(seqs.size() - 1)).isEqualTo(cursor).isEqualTo(latest);
        assertThat(counter.get("/api/changes?after=" + cursor).json().get("changes")).isEmpty();
    }

    @Test
    void aSaleAppearsOnTheFeedAndAClosedHoldIsDeletedExplicitly() {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        long before = counter.get("/api/changes?after=0&limit=1").json().get("latest").asLong();
        List<JsonNode> seats = ApiClient.seats(map, 5, 2);
        UUID hold = UUID.randomUUID();
        counter.command(ApiClient.holdCommand(performance, hold, seats.stream().map(s -> s.get("id").asLong()).toList(), 120));
        JsonNode sale = counter.command(ApiClient.sellCommand(map, seats, "ADULT", hold));

        JsonNode changes = counter.get("/api/changes?after=" + before).json().get("changes");
        List<String> kinds = new ArrayList<>();
        changes.forEach(c -> kinds.add(c.get("entity").asText() + (c.get("deleted").asBoolean() ? ":deleted" : "")));
        assertThat(kinds).contains("seat_state", "order", "ticket", "payment", "hold:deleted");
        JsonNode lastSeatState = null;
        for (JsonNode c : changes) {
            if (c.get("entity").asText().equals("seat_state") && c.at("/data/seatId").asLong() == seats.get(0).get("id").asLong()) {
                lastSeatState = c;
            }
        }
        assertThat(lastSeatState).isNotNull();
        assertThat(lastSeatState.at("/data/state").asText()).isEqualTo("SOLD");
        assertThat(sale.get("seq").asLong()).isEqualTo(changes.get(changes.size() - 1).get("seq").asLong());
    }

    @Test
    void livePushAnnouncesANewHeadWithinASecond() throws Exception {
        BlockingQueue<Long> announced = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/changes/stream"))
                .header("Authorization", "Bearer " + counter.token()).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        announced.add(ApiClient.JSON.readTree(line.substring(5)).get("latest").asLong());
                    }
                }
            } catch (Exception ignored) {
                // the stream is closed when the test ends
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(announced.poll(5, TimeUnit.SECONDS)).as("the current head on subscribe").isNotNull();

        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        JsonNode sale = counter.command(ApiClient.sellCommand(map, ApiClient.seats(map, 100, 1), "ADULT", null));
        long seq = sale.get("seq").asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        Long seen = null;
        while (System.nanoTime() < deadline) {
            Long next = announced.poll(50, TimeUnit.MILLISECONDS);
            if (next != null && next >= seq) {
                seen = next;
                break;
            }
        }
        assertThat(seen).as("push of seq " + seq).isNotNull();
        response.body().close();
    }

    @Test
    void theAuditTrailSaysWhoSoldOnWhichDeviceAndManagersCloseSales() {
        long performance = counter.freshTheatrePerformance();
        JsonNode map = counter.seatMap(performance);
        JsonNode sale = counter.command(ApiClient.sellCommand(map, ApiClient.seats(map, 200, 2), "STUDENT", null));
        String orderId = sale.at("/data/orderId").asText();

        ApiClient manager = server.loginAs("manager");
        JsonNode audit = manager.get("/api/audit?entityId=" + orderId).json();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("action").asText()).isEqualTo("sell");
        assertThat(audit.get(0).get("username").asText()).isEqualTo("boxoffice");
        assertThat(audit.get(0).get("deviceId").asText()).isEqualTo(counter.deviceId());
        assertThat(audit.get(0).get("at").asText()).isNotBlank();

        ObjectNode close = ApiClient.JSON.createObjectNode().put("type", "ChangePerformanceStatus")
                .put("performanceId", performance).put("status", "SALES_CLOSED").put("reason", "Sold at the door only");
        assertThat(counter.command(close).get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(manager.command(close).get("status").asText()).isEqualTo("APPLIED");
        JsonNode refused = counter.command(ApiClient.sellCommand(map, ApiClient.seats(map, 300, 1), "ADULT", null));
        assertThat(refused.get("code").asText()).isEqualTo("NOT_ON_SALE");
    }
}
