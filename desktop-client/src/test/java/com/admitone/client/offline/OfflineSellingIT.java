package com.admitone.client.offline;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.store.replica.Allotment;
import com.admitone.client.store.replica.CustomerOrder;
import com.admitone.client.store.replica.Performance;
import com.admitone.client.store.replica.SaleConflict;
import com.admitone.client.store.replica.Ticket;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Offline selling end to end: a real sync server (SQLite, demo data) over real HTTP and three real
 * client stores (a manager's and two tills'). The tills sell while they do not talk to the server,
 * then sync; the server's own seat map and orders are the judge that no seat was sold twice.
 */
public class OfflineSellingIT {
    static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(Backend.SQLITE);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    public static SyncStatus sync(ClientUnderTest client) throws Exception {
        return client.engine.syncNow().get(120, TimeUnit.SECONDS);
    }

    public static long performanceWithPolicy(LocalStore store, ProvisionalPolicy policy, int skip) {
        // An allotment runs until the performance starts: one that starts within the hour (the demo
        // has performances this evening) would leave it no time, whatever the hour of the run.
        java.time.Instant soon = java.time.Instant.now().plus(java.time.Duration.ofHours(1));
        return store.read(s -> s.createSelectionQuery(
                        "select p from Performance p where p.status = 'ON_SALE' and p.provisionalPolicy = :pol "
                                + "and p.venueId in (select distinct st.venueId from Seat st) order by p.startsAt, p.id", Performance.class)
                .setParameter("pol", policy.name()).getResultList().stream()
                .filter(p -> p.startsAt().isAfter(soon)).skip(skip).findFirst().orElseThrow().id());
    }

    /** Seats of the performance that are free in the replica (no seat_state row), in id order. */
    public static List<Long> freeSeats(LocalStore store, long performance, int count) {
        return store.read(s -> {
            Performance p = s.find(Performance.class, performance);
            return s.createSelectionQuery("select id from Seat where venueId = :v and id not in "
                            + "(select st.id.item from SeatStatus st where st.id.performanceId = :p) order by id", Long.class)
                    .setParameter("v", p.venueId()).setParameter("p", performance).setMaxResults(count).getResultList();
        });
    }

    public static Commands.AllotSeats allotFor(ClientUnderTest manager, long performance, ClientUnderTest till, List<Long> seats) {
        return allot(manager, performance, till, seats);
    }

    static Commands.AllotSeats allot(ClientUnderTest manager, long performance, ClientUnderTest till, List<Long> seats) {
        java.time.Instant starts = manager.store.read(s -> s.find(Performance.class, performance).startsAt());
        return new Commands.AllotSeats(UUID.randomUUID(), performance, till.credentials.deviceId(), seats, List.of(), starts);
    }

    static ApiClient serverView(ClientUnderTest client) {
        return serverViewAt(server.baseUrl(), client);
    }

    /** What the server itself says, asked directly (not through the client's own connection) as {@code client}'s user. */
    static ApiClient serverViewAt(String baseUrl, ClientUnderTest client) {
        return new ApiClient(baseUrl).withDevice(client.credentials.deviceId(), client.credentials.deviceSecret())
                .withToken(client.api.token());
    }

    static String outcome(ClientUnderTest till, UUID orderId) {
        return till.store.read(s -> s.find(CustomerOrder.class, orderId.toString()).offlineOutcome());
    }

    @Test
    void twoTillsSellTheSameSeatsOfflineAndTheServerNeverSellsASeatTwice(@TempDir Path dm, @TempDir Path da, @TempDir Path db)
            throws Exception {
        // Each till reaches the server through its own relay, so its network can really be pulled: a
        // till that merely does not sync still hears the server's live push and would push its outbox
        // whenever another till's sale arrived, racing the other till instead of coming back in turn.
        try (AnswerDroppingProxy lineA = new AnswerDroppingProxy(server.port());
             AnswerDroppingProxy lineB = new AnswerDroppingProxy(server.port());
             ClientUnderTest manager = new ClientUnderTest(dm, server.baseUrl(), "Office", "manager", "manager-demo");
             ClientUnderTest a = new ClientUnderTest(da, lineA.url(), "Till A", "boxoffice", "boxoffice-demo");
             ClientUnderTest b = new ClientUnderTest(db, lineB.url(), "Till B", "boxoffice", "boxoffice-demo")) {
            sync(manager);
            long movable = performanceWithPolicy(manager.store, ProvisionalPolicy.ACCEPT_OR_MOVE, 0);
            long strict = manager.store.read(st -> st.createSelectionQuery(
                    "select p.id from Performance p where p.status = 'ON_SALE' and p.id <> :m and p.startsAt > :soon "
                            + "and p.venueId in (select distinct s.venueId from Seat s) order by p.startsAt", Long.class)
                    .setParameter("m", movable).setParameter("soon", java.time.Instant.now().plus(java.time.Duration.ofHours(1)))
                    .setMaxResults(1).getSingleResult());
            List<Long> seats = freeSeats(manager.store, movable, 8);
            List<Long> strictSeats = freeSeats(manager.store, strict, 2);
            // The manager leases seats 0-1 to till A and 2-3 to till B, and makes the second performance strict.
            manager.outbox.record(allot(manager, movable, a, seats.subList(0, 2)), manager.author());
            manager.outbox.record(allot(manager, movable, b, seats.subList(2, 4)), manager.author());
            manager.outbox.record(new Commands.SetProvisionalPolicy(strict, ProvisionalPolicy.ACCEPT_IF_FREE, "test"), manager.author());
            SyncStatus managed = sync(manager);
            assertThat(managed.rejected()).as("manager's commands refused: %s", manager.outbox.recent(5).stream()
                    .map(i -> i.resultCode() + " " + i.resultMessage()).toList()).isZero();
            sync(a);
            sync(b);
            List<Allotment> allotments = a.store.read(s -> s.createSelectionQuery("from Allotment", Allotment.class).getResultList());
            assertThat(allotments).hasSize(2);
            assertThat(allotments.stream().filter(al -> al.deviceId().equals(a.credentials.deviceId())).toList())
                    .singleElement().satisfies(al -> assertThat(al.seats()).containsExactlyElementsOf(seats.subList(0, 2)));
            assertThat(a.store.deviceKey().certificate()).as("till A's key was certified at enrolment").isNotNull();

            // Offline from here: neither till can reach the server while it sells.
            lineA.cut(true);
            lineB.cut(true);
            OfflineSales.Recorded aGuaranteed = a.sales.sell(SaleCommands.adultCashSale(a.store, movable, seats.subList(0, 2)), a.author());
            OfflineSales.Recorded aProvisional = a.sales.sell(SaleCommands.adultCashSale(a.store, movable, seats.subList(4, 6)), a.author());
            OfflineSales.Recorded aStrict = a.sales.sell(SaleCommands.adultCashSale(a.store, strict, strictSeats.subList(0, 1)), a.author());
            OfflineSales.Recorded bGuaranteed = b.sales.sell(SaleCommands.adultCashSale(b.store, movable, seats.subList(2, 4)), b.author());
            OfflineSales.Recorded bProvisional = b.sales.sell(SaleCommands.adultCashSale(b.store, movable, seats.subList(4, 6)), b.author());
            OfflineSales.Recorded bStrict = b.sales.sell(SaleCommands.adultCashSale(b.store, strict, strictSeats.subList(0, 1)), b.author());
            // Till B knows seat 0 is leased to till A: it refuses to sell it at all.
            assertThatThrownBy(() -> b.sales.sell(SaleCommands.adultCashSale(b.store, movable, seats.subList(0, 1)), b.author()))
                    .isInstanceOf(OfflineSales.RefusedException.class);
            assertThat(aGuaranteed.kind()).isEqualTo(OfflineSales.Kind.GUARANTEED);
            assertThat(bGuaranteed.kind()).isEqualTo(OfflineSales.Kind.GUARANTEED);
            assertThat(aProvisional.kind()).isEqualTo(OfflineSales.Kind.PROVISIONAL);

            // Back online: A first, then B.
            lineA.cut(false);
            assertThat(sync(a).rejected()).isZero();
            lineB.cut(false);
            assertThat(sync(b).rejected()).isZero();
            sync(a);

            assertThat(outcome(a, aGuaranteed.command().orderId())).isEqualTo("GUARANTEED");
            assertThat(outcome(a, aProvisional.command().orderId())).isEqualTo("ACCEPTED");
            assertThat(outcome(a, aStrict.command().orderId())).isEqualTo("ACCEPTED");
            assertThat(outcome(b, bGuaranteed.command().orderId())).isEqualTo("GUARANTEED");
            assertThat(outcome(b, bProvisional.command().orderId())).isEqualTo("MOVED");
            assertThat(outcome(b, bStrict.command().orderId())).isEqualTo("CONFLICT");

            // B's moved tickets sit on other seats now, re-signed by the server; the conflict waits in B's inbox.
            List<Ticket> moved = b.store.read(s -> s.createSelectionQuery("from Ticket where orderId = :o", Ticket.class)
                    .setParameter("o", bProvisional.command().orderId().toString()).getResultList());
            assertThat(moved).extracting(Ticket::seatId).doesNotContainAnyElementsOf(seats.subList(4, 6));
            assertThat(moved).extracting(Ticket::keyId).doesNotContain(b.store.deviceKey().keyId());
            OutboxItem movedItem = b.outbox.find(bProvisional.item().key());
            assertThat(b.outbox.resultData(movedItem).get("moves")).asList().hasSize(2);
            List<SaleConflict> conflicts = b.store.read(s -> s.createSelectionQuery("from SaleConflict", SaleConflict.class).getResultList());
            assertThat(conflicts).singleElement().satisfies(c -> {
                assertThat(c.open()).isTrue();
                assertThat(c.orderId()).isEqualTo(bStrict.command().orderId().toString());
            });

            // The server's word: every valid ticket has its own seat, and that seat is SOLD.
            ApiClient view = serverView(manager);
            Map<Long, String> holder = new HashMap<>();
            List<UUID> orders = List.of(aGuaranteed.command().orderId(), aProvisional.command().orderId(),
                    bGuaranteed.command().orderId(), bProvisional.command().orderId());
            for (UUID order : orders) {
                JsonNode found = view.get("/api/orders/" + order).json();
                for (JsonNode t : found.get("tickets")) {
                    if ("VALID".equals(t.get("status").asText())) {
                        String before = holder.put(t.get("seatId").asLong(), order.toString());
                        assertThat(before).as("seat %s sold twice", t.get("seatId")).isNull();
                    }
                }
            }
            assertThat(holder).hasSize(8);
            Map<Long, String> states = new HashMap<>();
            for (JsonNode seat : view.seatMap(movable).get("seats")) {
                states.put(seat.get("id").asLong(), seat.get("state").asText());
            }
            for (Long seat : holder.keySet()) {
                assertThat(states.get(seat)).as("seat %d on the server", seat).isEqualTo("SOLD");
            }
            List<String> strictValid = new ArrayList<>();
            for (UUID order : List.of(aStrict.command().orderId(), bStrict.command().orderId())) {
                for (JsonNode t : view.get("/api/orders/" + order).json().get("tickets")) {
                    if ("VALID".equals(t.get("status").asText())) {
                        strictValid.add(order + ":" + t.get("seatId").asLong());
                    }
                }
            }
            assertThat(strictValid).as("the strict performance's seat went to exactly one order").hasSize(1);
        }
    }
}
