package com.admitone.client.offline;

import com.admitone.client.store.OutboxItem;
import com.admitone.client.sync.SyncStatus;
import com.admitone.client.testing.AnswerDroppingProxy;
import com.admitone.client.testing.ClientUnderTest;
import com.admitone.client.testing.SaleCommands;
import com.admitone.model.offline.ProvisionalPolicy;
import com.admitone.model.sync.Commands;
import com.admitone.server.testing.ApiClient;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server applies a batch and its answer is lost on the way back (a real TCP relay between the
 * till and a real server cuts the connection as soon as the server answers). The till cannot know
 * what happened, so it keeps the commands and sends them again; the server recognises the keys,
 * answers with the stored results, and nothing is sold, refunded or audited twice.
 */
class LostAnswerIT {

    @Test
    void aBatchWhoseAnswerIsLostIsSentAgainAndTheStoredResultsComeBack(@TempDir Path dm, @TempDir Path da) throws Exception {
        try (TestServer server = TestServer.start(Backend.SQLITE);
             AnswerDroppingProxy proxy = new AnswerDroppingProxy(server.port());
             ClientUnderTest manager = new ClientUnderTest(dm, server.baseUrl(), "Office", "manager", "manager-demo");
             ClientUnderTest till = new ClientUnderTest(da, proxy.url(), "Till A", "boxoffice", "boxoffice-demo")) {
            OfflineSellingIT.sync(manager);
            long performance = OfflineSellingIT.performanceWithPolicy(manager.store, ProvisionalPolicy.ACCEPT_OR_MOVE, 0);
            List<Long> seats = OfflineSellingIT.freeSeats(manager.store, performance, 5);
            manager.outbox.record(OfflineSellingIT.allotFor(manager, performance, till, seats.subList(0, 3)), manager.author());
            assertThat(OfflineSellingIT.sync(manager).rejected()).isZero();
            assertThat(OfflineSellingIT.sync(till).online()).isTrue();

            // One batch: a guaranteed sale from the allotment, a cash refund of one of its tickets, an ordinary sale.
            OfflineSales.Recorded guaranteed = till.sales.sell(SaleCommands.adultCashSale(till.store, performance, seats.subList(0, 3)),
                    till.author());
            UUID refunded = guaranteed.command().lines().get(0).line().ticketId();
            OutboxItem refund = till.refunds.refund(guaranteed.command().orderId(), List.of(refunded), "changed plans", till.author());
            Commands.SellSeats online = SaleCommands.adultCashSale(till.store, performance, seats.subList(3, 5));
            OutboxItem sale = till.outbox.record(online, till.author());

            proxy.dropAnswers(true);
            SyncStatus lost = OfflineSellingIT.sync(till);
            assertThat(proxy.dropped()).as("the server answered at least once").isPositive();
            assertThat(lost.online()).as("no answer: the till works offline").isFalse();
            assertThat(lost.waiting()).as("the till keeps every command").isEqualTo(3);
            assertThat(List.of(guaranteed.item(), refund, sale)).allSatisfy(item ->
                    assertThat(till.outbox.find(item.key()).status()).isNotIn(OutboxItem.Status.APPLIED, OutboxItem.Status.REJECTED));

            // The server did apply the batch, though.
            ApiClient view = OfflineSellingIT.serverViewAt(server.baseUrl(), manager);
            JsonNode before = view.get("/api/orders/" + guaranteed.command().orderId()).json();
            assertThat(before.get("tickets")).hasSize(3);
            assertThat(view.get("/api/orders/" + online.orderId()).status()).isEqualTo(200);

            proxy.dropAnswers(false);
            SyncStatus back = OfflineSellingIT.sync(till);
            assertThat(back.online()).isTrue();
            assertThat(back.waiting()).isZero();
            assertThat(back.rejected()).isZero();
            for (OutboxItem item : List.of(guaranteed.item(), refund, sale)) {
                assertThat(till.outbox.find(item.key()).status()).as("outbox item %s", item.key()).isEqualTo(OutboxItem.Status.APPLIED);
            }
            assertThat(till.outbox.resultData(till.outbox.find(guaranteed.item().key())).get("orderNumber"))
                    .isEqualTo(before.get("order").get("number").asText());

            // Nothing twice: the same tickets, one refund payment, one sale in the audit trail per order.
            JsonNode after = view.get("/api/orders/" + guaranteed.command().orderId()).json();
            assertThat(after.get("tickets")).hasSize(3);
            List<String> statuses = new ArrayList<>();
            after.get("tickets").forEach(t -> statuses.add(t.get("status").asText()));
            assertThat(statuses).containsExactlyInAnyOrder("REFUNDED", "VALID", "VALID");
            List<String> payments = new ArrayList<>();
            after.get("payments").forEach(p -> payments.add(p.get("kind").asText()));
            assertThat(payments).containsExactlyInAnyOrder("PAYMENT", "REFUND");
            assertThat(view.get("/api/orders/" + online.orderId()).json().get("tickets")).hasSize(2);
            assertThat(actions(view, guaranteed.command().orderId())).containsExactlyInAnyOrder("sell_offline", "refund");
            assertThat(actions(view, online.orderId())).containsExactly("sell");
            long sold = 0;
            for (JsonNode seat : view.seatMap(performance).get("seats")) {
                if (seats.contains(seat.get("id").asLong()) && "SOLD".equals(seat.get("state").asText())) {
                    sold++;
                }
            }
            assertThat(sold).as("the refunded seat is free again, the other four sold once").isEqualTo(4);
        }
    }

    private static List<String> actions(ApiClient view, UUID entityId) {
        List<String> actions = new ArrayList<>();
        view.get("/api/audit?entityId=" + entityId).json().forEach(a -> actions.add(a.get("action").asText()));
        return actions;
    }
}
