package com.admitone.client.offline;

import com.admitone.client.store.OutboxItem;
import com.admitone.client.store.replica.Payment;
import com.admitone.client.store.replica.SaleConflict;
import com.admitone.client.store.replica.Ticket;
import com.admitone.client.testing.AnswerDroppingProxy;
import com.admitone.client.testing.ClientUnderTest;
import com.admitone.client.testing.SaleCommands;
import com.admitone.model.offline.ConflictResolution;
import com.admitone.model.offline.ProvisionalPolicy;
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
 * The conflicts inbox's "other seats" and "refund" end to end, with real clients and a real server:
 * two tills sell the same seats offline under ACCEPT_IF_FREE, so the second till's sales are
 * conflicts; a manager settles one with other seats and one with a refund from their own computer;
 * the inbox, the server's orders and the selling till's replica all show the outcome.
 */
class ConflictResolutionIT {

    @Test
    void aManagerGivesOneCustomerOtherSeatsAndRefundsAnother(@TempDir Path dm, @TempDir Path da, @TempDir Path db) throws Exception {
        try (TestServer server = TestServer.start(Backend.SQLITE);
             ClientUnderTest manager = new ClientUnderTest(dm, server.baseUrl(), "Office", "manager", "manager-demo");
             // Relays, so the tills' network can really be pulled while they sell (see OfflineSellingIT).
             AnswerDroppingProxy lineA = new AnswerDroppingProxy(server.port());
             AnswerDroppingProxy lineB = new AnswerDroppingProxy(server.port());
             ClientUnderTest a = new ClientUnderTest(da, lineA.url(), "Till A", "boxoffice", "boxoffice-demo");
             ClientUnderTest b = new ClientUnderTest(db, lineB.url(), "Till B", "boxoffice", "boxoffice-demo")) {
            OfflineSellingIT.sync(manager);
            long performance = OfflineSellingIT.performanceWithPolicy(manager.store, ProvisionalPolicy.ACCEPT_OR_MOVE, 0);
            List<Long> seats = OfflineSellingIT.freeSeats(manager.store, performance, 4);
            manager.outbox.record(new Commands.SetProvisionalPolicy(performance, ProvisionalPolicy.ACCEPT_IF_FREE, "test"),
                    manager.author());
            assertThat(OfflineSellingIT.sync(manager).rejected()).isZero();
            OfflineSellingIT.sync(a);
            OfflineSellingIT.sync(b);

            // Offline, both tills sell seat 0 and, separately, seat 1. Till A syncs first and keeps them.
            lineA.cut(true);
            lineB.cut(true);
            a.sales.sell(SaleCommands.adultCashSale(a.store, performance, seats.subList(0, 1)), a.author());
            a.sales.sell(SaleCommands.adultCashSale(a.store, performance, seats.subList(1, 2)), a.author());
            OfflineSales.Recorded moveMe = b.sales.sell(SaleCommands.adultCashSale(b.store, performance, seats.subList(0, 1)), b.author());
            OfflineSales.Recorded refundMe = b.sales.sell(SaleCommands.adultCashSale(b.store, performance, seats.subList(1, 2)), b.author());
            lineA.cut(false);
            OfflineSellingIT.sync(a);
            lineB.cut(false);
            OfflineSellingIT.sync(b);
            assertThat(OfflineSellingIT.outcome(b, moveMe.command().orderId())).isEqualTo("CONFLICT");
            assertThat(OfflineSellingIT.outcome(b, refundMe.command().orderId())).isEqualTo("CONFLICT");

            OfflineSellingIT.sync(manager);
            OfflineAdmin admin = new OfflineAdmin(manager.store, manager.outbox, () -> manager.engine, manager::author,
                    manager.credentials.deviceId(), Clock.systemUTC());
            OfflineAdmin.ConflictRow toMove = row(admin, moveMe.command().orderId().toString());
            OfflineAdmin.ConflictRow toRefund = row(admin, refundMe.command().orderId().toString());
            assertThat(toMove.open()).isTrue();
            assertThat(toRefund.open()).isTrue();

            // Other seats: seat 3, chosen on the manager's map.
            OutboxItem moved = admin.resolve(toMove.id(), ConflictResolution.OTHER_SEATS, List.of(seats.get(3)), null);
            assertThat(row(admin, toMove.orderId()).resolving()).as("shown as being sent until the server answers").isTrue();
            assertThat(admin.await(moved, Duration.ofSeconds(60))).isEqualTo(new OfflineAdmin.Result(true, null, null));
            OutboxItem refunded = admin.resolve(toRefund.id(), ConflictResolution.REFUND, List.of(), "customer went home");
            assertThat(admin.await(refunded, Duration.ofSeconds(60))).isEqualTo(new OfflineAdmin.Result(true, null, null));

            // The manager's inbox.
            OfflineAdmin.ConflictRow movedRow = row(admin, toMove.orderId());
            OfflineAdmin.ConflictRow refundedRow = row(admin, toRefund.orderId());
            assertThat(movedRow.open()).isFalse();
            assertThat(movedRow.status()).isEqualTo("RESOLVED");
            assertThat(movedRow.resolution()).isEqualTo("OTHER_SEATS");
            assertThat(refundedRow.status()).isEqualTo("RESOLVED");
            assertThat(refundedRow.resolution()).isEqualTo("REFUND");
            assertThat(refundedRow.note()).isEqualTo("customer went home");

            // The server: the moved customer has a valid ticket on seat 3, the refunded one their money back.
            ApiClient view = OfflineSellingIT.serverViewAt(server.baseUrl(), manager);
            JsonNode movedOrder = view.get("/api/orders/" + toMove.orderId()).json();
            assertThat(movedOrder.get("tickets")).singleElement().satisfies(t -> {
                assertThat(t.get("status").asText()).isEqualTo("VALID");
                assertThat(t.get("seatId").asLong()).isEqualTo(seats.get(3));
            });
            JsonNode refundedOrder = view.get("/api/orders/" + toRefund.orderId()).json();
            assertThat(refundedOrder.get("tickets")).singleElement().satisfies(t -> assertThat(t.get("status").asText()).isEqualTo("CANCELLED"));
            assertThat(view.get("/api/conflicts").json()).noneSatisfy(c ->
                    assertThat(List.of(toMove.id(), toRefund.id())).contains(c.get("id").asText()));

            // Till B, after its next sync: the conflicts are settled there too, the ticket sits on seat 3 with the
            // server's signature (reprint it), and the refund is in the order's payments.
            OfflineSellingIT.sync(b);
            List<SaleConflict> onB = b.store.read(s -> s.createSelectionQuery("from SaleConflict", SaleConflict.class).getResultList());
            assertThat(onB).hasSize(2).allSatisfy(c -> assertThat(c.status()).isEqualTo("RESOLVED"));
            Ticket ticket = b.store.read(s -> s.createSelectionQuery("from Ticket where orderId = :o", Ticket.class)
                    .setParameter("o", toMove.orderId()).getSingleResult());
            assertThat(ticket.status()).isEqualTo("VALID");
            assertThat(ticket.seatId()).isEqualTo(seats.get(3));
            assertThat(ticket.keyId()).isNotEqualTo(b.store.deviceKey().keyId());
            List<Payment> payments = b.store.read(s -> s.createSelectionQuery("from Payment where orderId = :o", Payment.class)
                    .setParameter("o", toRefund.orderId()).getResultList());
            long paid = payments.stream().filter(p -> "PAYMENT".equals(p.kind())).mapToLong(Payment::amountMinor).sum();
            long back = payments.stream().filter(p -> "REFUND".equals(p.kind())).mapToLong(Payment::amountMinor).sum();
            assertThat(back).as("refunded in full").isEqualTo(paid).isPositive();
        }
    }

    private static OfflineAdmin.ConflictRow row(OfflineAdmin admin, String orderId) {
        return admin.conflicts().stream().filter(r -> orderId.equals(r.orderId())).findFirst()
                .orElseThrow(() -> new AssertionError("no conflict for order " + orderId));
    }
}
