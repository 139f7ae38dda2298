package com.admitone.client.sales;

import com.admitone.client.offline.OfflineSellingIT;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.store.replica.Ticket;
import com.admitone.client.testing.AnswerDroppingProxy;
import com.admitone.client.testing.ClientUnderTest;
import com.admitone.client.testing.SaleCommands;
import com.admitone.model.sync.Commands;
import com.admitone.server.testing.ApiClient;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An online sale caught by a network drop, with a real client store and a real server behind a
 * TCP relay that fails on purpose. The sale is never re-made another way: it stays one outbox
 * command, is watched, and is reported once the server decides: confirmed (its tickets carry the
 * server's signature and can print) or refused (nothing sold, the cashier gives the money back).
 */
class WaitingSalesIT {

    @Test
    void aSaleWhoseAnswerWasLostIsConfirmedOnceAndASaleThatNeverArrivedIsRefusedWhenItsSeatWentElsewhere(
            @TempDir Path dm, @TempDir Path dt) throws Exception {
        try (TestServer server = TestServer.start(Backend.SQLITE);
             AnswerDroppingProxy network = new AnswerDroppingProxy(server.port());
             ClientUnderTest manager = new ClientUnderTest(dm, server.baseUrl(), "Office", "manager", "manager-demo");
             ClientUnderTest till = new ClientUnderTest(dt, network.url(), "Till", "boxoffice", "boxoffice-demo")) {
            OfflineSellingIT.sync(till);
            Counter counter = new Counter(till.store, till.outbox, () -> till.engine, till::author, till.credentials.deviceId(),
                    Clock.systemUTC());
            WaitingSales waiting = counter.waitingSales();
            long performance = SaleCommands.theatrePerformanceOnSale(till.store);
            List<Long> seats = OfflineSellingIT.freeSeats(till.store, performance, 2);
            ApiClient view = server.loginAs("manager");

            // 1. The server applies the sale, its answer is lost.
            network.dropAnswers(true);
            Commands.SellSeats first = SaleCommands.adultCashSale(till.store, performance, seats.subList(0, 1));
            OutboxItem firstItem = counter.record(first);
            Counter.Outcome unanswered = counter.await(firstItem, Duration.ofSeconds(3));
            assertThat(unanswered.applied() || unanswered.rejected()).isFalse();
            waiting.watch(firstItem, first.orderId());
            assertThat(waiting.settled()).isEmpty();
            assertThat(waiting.isWaiting(first.orderId())).isTrue();
            assertThat(view.get("/api/orders/" + first.orderId()).status()).as("applied on the server").isEqualTo(200);
            network.dropAnswers(false);
            assertThat(OfflineSellingIT.sync(till).online()).isTrue();
            assertThat(waiting.settled()).containsExactly(new WaitingSales.Settled(first.orderId(), true, null, null));
            assertThat(waiting.settled()).as("reported once").isEmpty();
            Ticket ticket = till.store.read(s -> s.createSelectionQuery("from Ticket where orderId = :o", Ticket.class)
                    .setParameter("o", first.orderId().toString()).getSingleResult());
            assertThat(ticket.status()).isEqualTo("VALID");
            assertThat(ticket.token()).as("signed by the server, ready to print").isNotBlank();
            assertThat(view.get("/api/orders/" + first.orderId()).json().get("tickets")).hasSize(1);

            // 2. The network is down: the sale never reaches the server, and its seat is sold elsewhere meanwhile.
            network.cut(true);
            Commands.SellSeats second = SaleCommands.adultCashSale(till.store, performance, seats.subList(1, 2));
            OutboxItem secondItem = counter.record(second);
            assertThat(counter.await(secondItem, Duration.ofSeconds(3)).applied()).isFalse();
            waiting.watch(secondItem, second.orderId());
            assertThat(till.engine.status().online()).as("no answer: the till works offline").isFalse();
            OfflineSellingIT.sync(manager);
            Commands.SellSeats elsewhere = SaleCommands.adultCashSale(manager.store, performance, seats.subList(1, 2));
            manager.outbox.record(elsewhere, manager.author());
            assertThat(OfflineSellingIT.sync(manager).rejected()).isZero();
            assertThat(waiting.settled()).isEmpty();

            network.cut(false);
            OfflineSellingIT.sync(till);
            List<WaitingSales.Settled> refused = waiting.settled();
            assertThat(refused).singleElement().satisfies(r -> {
                assertThat(r.orderId()).isEqualTo(second.orderId());
                assertThat(r.confirmed()).isFalse();
                assertThat(r.code()).isEqualTo("SEAT_TAKEN");
            });
            assertThat(view.get("/api/orders/" + second.orderId()).status()).as("nothing sold").isEqualTo(404);
            JsonNode seat = null;
            for (JsonNode s : view.seatMap(performance).get("seats")) {
                if (s.get("id").asLong() == seats.get(1)) {
                    seat = s;
                }
            }
            assertThat(seat.get("state").asText()).isEqualTo("SOLD");
            assertThat(waiting.count()).isZero();
        }
    }
}
