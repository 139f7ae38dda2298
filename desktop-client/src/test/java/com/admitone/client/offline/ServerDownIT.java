package com.admitone.client.offline;

import com.admitone.client.sync.SyncStatus;
import com.admitone.client.testing.ClientUnderTest;
import com.admitone.client.testing.SaleCommands;
import com.admitone.model.offline.ProvisionalPolicy;
import com.admitone.model.sync.Commands;
import com.admitone.server.AdmitOneServer;
import com.admitone.server.ServerConfig;
import com.admitone.server.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server stopped while a till sells from its allotment and refunds, then started again on the
 * same database file: the till goes offline by itself, keeps selling, comes back by itself, and
 * the server ends up with exactly what the till did.
 */
class ServerDownIT {

    @Test
    void allotmentSalesAndARefundWhileTheServerIsDownArriveWhenItIsBack(@TempDir Path serverDir, @TempDir Path dm,
                                                                        @TempDir Path da) throws Exception {
        AdmitOneServer server = AdmitOneServer.start(ServerConfig.sqlite(0, serverDir).withDemo(true, 2));
        int port = server.port();
        String url = "http://127.0.0.1:" + port;
        try (ClientUnderTest manager = new ClientUnderTest(dm, url, "Office", "manager", "manager-demo");
             ClientUnderTest till = new ClientUnderTest(da, url, "Till A", "boxoffice", "boxoffice-demo")) {
            OfflineSellingIT.sync(manager);
            long performance = OfflineSellingIT.performanceWithPolicy(manager.store, ProvisionalPolicy.ACCEPT_OR_MOVE, 0);
            List<Long> seats = OfflineSellingIT.freeSeats(manager.store, performance, 3);
            java.time.Instant starts = manager.store.read(s -> s.find(com.admitone.client.store.replica.Performance.class,
                    performance).startsAt());
            manager.outbox.record(new Commands.AllotSeats(UUID.randomUUID(), performance, till.credentials.deviceId(), seats,
                    List.of(), starts), manager.author());
            assertThat(OfflineSellingIT.sync(manager).rejected()).isZero();
            assertThat(OfflineSellingIT.sync(till).online()).isTrue();
            till.engine.start();

            server.close();
            server = null;

            // The till finds out by itself: its next sync (a local write asks for one) fails and it is offline.
            OfflineSales.Recorded sale = till.sales.sell(SaleCommands.adultCashSale(till.store, performance, seats), till.author());
            assertThat(sale.kind()).isEqualTo(OfflineSales.Kind.GUARANTEED);
            // A request in flight when the server went away may wait out the test client's generous read
            // timeout (30 s, ClientUnderTest) before it fails: the till needs that long at worst.
            awaitTrue(() -> !till.engine.status().online(), 45_000);
            UUID refunded = sale.command().lines().get(2).line().ticketId();
            till.refunds.refund(sale.command().orderId(), List.of(refunded), "wrong day", till.author());
            awaitTrue(() -> till.engine.status().waiting() == 2, 5_000);
            SyncStatus offline = till.engine.status();
            assertThat(offline.online()).isFalse();
            assertThat(offline.failures()).isPositive();
            assertThat(offline.nextTry()).as("the engine says when it tries again").isNotNull();

            server = AdmitOneServer.start(ServerConfig.sqlite(port, serverDir).withDemo(true, 2));
            // ... and comes back by itself: the backoff's next probe finds the server and pushes the outbox.
            awaitTrue(() -> till.engine.status().online() && till.engine.status().waiting() == 0, 30_000);
            assertThat(till.engine.status().rejected()).isZero();

            ApiClient view = new ApiClient(url).withDevice(manager.credentials.deviceId(), manager.credentials.deviceSecret())
                    .withToken(manager.api.token());
            JsonNode order = view.get("/api/orders/" + sale.command().orderId()).json();
            Map<String, String> statuses = new HashMap<>();
            for (JsonNode t : order.get("tickets")) {
                statuses.put(t.get("id").asText(), t.get("status").asText());
            }
            assertThat(statuses).hasSize(3);
            assertThat(statuses.get(refunded.toString())).isEqualTo("REFUNDED");
            assertThat(statuses.values().stream().filter("VALID"::equals).count()).isEqualTo(2);
            Map<Long, String> states = new HashMap<>();
            for (JsonNode seat : view.seatMap(performance).get("seats")) {
                states.put(seat.get("id").asLong(), seat.get("state").asText());
            }
            assertThat(states.get(seats.get(0))).isEqualTo("SOLD");
            assertThat(states.get(seats.get(1))).isEqualTo("SOLD");
            assertThat(states.get(seats.get(2))).isNotEqualTo("SOLD");
            assertThat(OfflineSellingIT.outcome(till, sale.command().orderId())).isEqualTo("GUARANTEED");
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    static void awaitTrue(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within " + timeoutMillis + " ms");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
