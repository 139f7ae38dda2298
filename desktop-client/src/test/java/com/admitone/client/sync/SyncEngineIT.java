package com.admitone.client.sync;

import com.admitone.client.store.OutboxItem;
import com.admitone.client.store.replica.CustomerOrder;
import com.admitone.client.store.replica.Performance;
import com.admitone.client.store.replica.Seat;
import com.admitone.client.store.replica.Venue;
import com.admitone.client.testing.ClientUnderTest;
import com.admitone.client.testing.SaleCommands;
import com.admitone.model.inventory.SeatState;
import com.admitone.model.sync.Commands;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync engine against a real sync server (SQLite, demo data) over real HTTP, with real local stores. */
class SyncEngineIT {
    static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(Backend.SQLITE);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void pullsTheWholeFeedThenPushesASaleThatComesBackSold(@TempDir Path dir) throws Exception {
        try (ClientUnderTest till = new ClientUnderTest(dir, server.baseUrl(), "Till 1", "boxoffice", "boxoffice-demo")) {
            SyncStatus first = till.engine.syncNow().get(120, TimeUnit.SECONDS);
            assertThat(first.online()).isTrue();
            assertThat(first.loggedIn()).isTrue();
            assertThat(first.appliedSeq()).isPositive().isEqualTo(first.latestSeen());
            assertThat(till.replica.count(Venue.class)).isEqualTo(2);
            assertThat(till.replica.count(Seat.class)).isEqualTo(800);
            assertThat(till.replica.count(Performance.class)).isPositive();

            long performance = SaleCommands.theatrePerformanceOnSale(till.store);
            List<Long> seats = SaleCommands.firstSeats(till.store, performance, 0, 3);
            Commands.SellSeats sale = SaleCommands.adultCashSale(till.store, performance, seats);
            OutboxItem item = till.outbox.record(sale, till.author());
            assertThat(till.replica.seatState(performance, seats.get(0))).isEqualTo(SeatState.SOLD);
            assertThat(till.replica.confirmedSeatState(performance, seats.get(0))).isEqualTo(SeatState.FREE);

            SyncStatus after = till.engine.syncNow().get(60, TimeUnit.SECONDS);
            assertThat(after.waiting()).isZero();
            assertThat(after.rejected()).isZero();
            for (Long seat : seats) {
                assertThat(till.replica.confirmedSeatState(performance, seat)).isEqualTo(SeatState.SOLD);
            }
            OutboxItem done = till.outbox.recent(10).stream().filter(i -> i.key().equals(item.key())).findFirst().orElseThrow();
            assertThat(done.status()).isEqualTo(OutboxItem.Status.APPLIED);
            assertThat(done.settled()).isTrue();
            CustomerOrder order = till.store.read(s -> s.find(CustomerOrder.class, sale.orderId().toString()));
            assertThat(order.isProvisional()).isFalse();
            assertThat(order.number()).isNotBlank();

            // The same seats again: the server refuses, the refusal is kept with its reason, the seats stay sold.
            Commands.SellSeats again = SaleCommands.adultCashSale(till.store, performance, seats);
            till.outbox.record(again, till.author());
            SyncStatus refused = till.engine.syncNow().get(60, TimeUnit.SECONDS);
            assertThat(refused.rejected()).isEqualTo(1);
            OutboxItem rejected = till.outbox.recent(1).get(0);
            assertThat(rejected.status()).isEqualTo(OutboxItem.Status.REJECTED);
            assertThat(rejected.resultCode()).isEqualTo("SEAT_TAKEN");
            assertThat(till.replica.seatState(performance, seats.get(0))).isEqualTo(SeatState.SOLD);
            CustomerOrder gone = till.store.read(s -> s.find(CustomerOrder.class, again.orderId().toString()));
            assertThat(gone).isNull();
        }
    }

    @Test
    void aSaleAtAnotherTillArrivesWithinOneSecondThroughTheLiveStream(@TempDir Path dirA, @TempDir Path dirB) throws Exception {
        try (ClientUnderTest a = new ClientUnderTest(dirA, server.baseUrl(), "Till A", "boxoffice", "boxoffice-demo");
             ClientUnderTest b = new ClientUnderTest(dirB, server.baseUrl(), "Till B", "manager", "manager-demo")) {
            a.engine.syncNow().get(120, TimeUnit.SECONDS);
            b.engine.syncNow().get(120, TimeUnit.SECONDS);
            a.engine.start();
            int subscribersBefore = ((Number) b.api.health().get("subscribers")).intValue();
            awaitTrue(() -> ((Number) b.api.health().get("subscribers")).intValue() >= 1, 20_000);

            long performance = SaleCommands.theatrePerformanceOnSale(b.store);
            List<Long> seats = SaleCommands.firstSeats(b.store, performance, 100, 2);
            assertThat(a.replica.seatState(performance, seats.get(0))).isEqualTo(SeatState.FREE);
            b.outbox.record(SaleCommands.adultCashSale(b.store, performance, seats), b.author());
            SyncStatus pushed = b.engine.syncNow().get(60, TimeUnit.SECONDS);
            assertThat(pushed.waiting()).isZero();
            assertThat(pushed.rejected()).isZero();
            long soldAt = System.nanoTime();

            awaitTrue(() -> a.replica.confirmedSeatState(performance, seats.get(1)) == SeatState.SOLD, 5_000);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - soldAt);
            assertThat(millis).as("ms from the sale at till B to till A's replica (subscribers before: %d)", subscribersBefore)
                    .isLessThanOrEqualTo(1000);
        }
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within " + timeoutMillis + " ms");
            }
            Thread.sleep(20);
        }
    }
}
