package com.admitone.client.offline;

import com.admitone.client.gate.GateService;
import com.admitone.client.gate.GateSettings;
import com.admitone.client.store.LocalStore;
import com.admitone.client.store.Outbox;
import com.admitone.client.store.ReplicaQueries;
import com.admitone.client.store.replica.CustomerOrder;
import com.admitone.model.gate.ScanMode;
import com.admitone.model.gate.Verdict;
import com.admitone.model.inventory.SeatState;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.Commands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Offline sales and refunds on a real local store: what is allowed, what is written, what the gate then says. */
class OfflineSalesTest {
    static final String ALLOTMENT = UUID.randomUUID().toString();

    @TempDir
    Path dir;
    LocalStore store;
    Outbox outbox;
    ReplicaFixture replica;
    OfflineSales sales;
    final Outbox.Author author = new Outbox.Author("user-1", ReplicaFixture.DEVICE);
    final GateSettings gateSettings = new GateSettings(ReplicaFixture.PERFORMANCE, "Door", ScanMode.ENTRY);

    void open(String policy) {
        store = LocalStore.open(dir);
        outbox = new Outbox(store, Clock.systemUTC());
        replica = new ReplicaFixture(store, Instant.now().plus(Duration.ofMinutes(30)), policy);
        replica.certifyDevice(Instant.now().plus(Duration.ofDays(365)));
        replica.allot(ALLOTMENT, ReplicaFixture.DEVICE, Instant.now().plus(Duration.ofMinutes(25)), List.of(1L, 2L, 3L));
        replica.allot(UUID.randomUUID().toString(), "device-b", Instant.now().plus(Duration.ofMinutes(25)), List.of(9L, 10L));
        sales = new OfflineSales(store, outbox, ReplicaFixture.DEVICE, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Commands.SellSeats sale(Long... seats) {
        List<Commands.SaleLine> lines = new ArrayList<>();
        for (Long seat : seats) {
            lines.add(new Commands.SaleLine(UUID.randomUUID(), seat, null, PriceType.ADULT, 2500, 0, null));
        }
        long total = 2500L * seats.length;
        return new Commands.SellSeats(UUID.randomUUID(), ReplicaFixture.PERFORMANCE, null, lines,
                List.of(new Commands.PaymentLine(UUID.randomUUID(), PaymentMethod.CASH, total, null, total)), null, 0, null);
    }

    @Test
    void seatsFromThisDevicesAllotmentSellGuaranteedWithDeviceSignedTicketsThatScanAtOnce() {
        open("NOT_ALLOWED");
        OfflineSales.Recorded recorded = sales.sell(sale(1L, 2L), author);

        assertThat(recorded.kind()).isEqualTo(OfflineSales.Kind.GUARANTEED);
        assertThat(recorded.command().allotmentId()).hasToString(ALLOTMENT);
        assertThat(outbox.nextBatch(10)).singleElement().satisfies(i -> assertThat(i.commandType()).isEqualTo("SellOffline"));
        ReplicaQueries q = new ReplicaQueries(store);
        assertThat(q.seatState(ReplicaFixture.PERFORMANCE, 1)).isEqualTo(SeatState.SOLD);
        CustomerOrder order = store.read(s -> s.find(CustomerOrder.class, recorded.command().orderId().toString()));
        assertThat(order.offlineOutcome()).isEqualTo("GUARANTEED");

        GateService gate = new GateService(store, outbox, Clock.systemUTC(), () -> author);
        String token = recorded.command().lines().get(0).token();
        assertThat(gate.judge(token, gateSettings).verdict()).isEqualTo(Verdict.ADMIT);

        // The same allotment seat again: it is sold here already, so not guaranteed; the policy forbids provisional sales.
        assertThatThrownBy(() -> sales.sell(sale(1L), author)).isInstanceOf(OfflineSales.RefusedException.class);
    }

    @Test
    void outsideTheAllotmentOnlyWhereThePolicyAllowsAndOnlyFreeSeats() {
        open("NOT_ALLOWED");
        assertThatThrownBy(() -> sales.sell(sale(5L), author))
                .isInstanceOf(OfflineSales.RefusedException.class)
                .hasMessageContaining("only be sold from this computer's allotment");
        assertThatThrownBy(() -> sales.sell(sale(1L, 5L), author)).hasMessageContaining("two sales");
        assertThat(outbox.counts().waiting()).isZero();
        store.close();

        dir = dir.resolve("second");
        open("ACCEPT_OR_MOVE");
        OfflineSales.Recorded provisional = sales.sell(sale(5L, 6L), author);
        assertThat(provisional.kind()).isEqualTo(OfflineSales.Kind.PROVISIONAL);
        assertThat(provisional.command().allotmentId()).isNull();
        CustomerOrder order = store.read(s -> s.find(CustomerOrder.class, provisional.command().orderId().toString()));
        assertThat(order.offlineOutcome()).isEqualTo("PROVISIONAL");
        // Another device's allotment is not free.
        assertThatThrownBy(() -> sales.sell(sale(9L), author)).hasMessageContaining("not free");
    }

    @Test
    void anOfflineRefundRevokesTheTicketHereAtOnceUpToTheLimit() {
        open("ACCEPT_OR_MOVE");
        OfflineSales.Recorded sold = sales.sell(sale(1L, 2L, 3L), author);
        OfflineRefunds refunds = new OfflineRefunds(store, outbox);
        new OfflineSettings(store).setRefundLimitMinor(3000);
        UUID orderId = sold.command().orderId();
        UUID first = sold.command().lines().get(0).line().ticketId();

        assertThatThrownBy(() -> refunds.refund(orderId, List.of(), "changed plans", author))
                .isInstanceOf(OfflineSales.RefusedException.class)
                .hasMessageContaining("up to GBP 30.00").hasMessageContaining("GBP 75.00").hasMessageContaining("manager");
        assertThat(outbox.counts().waiting()).isEqualTo(1);

        refunds.refund(orderId, List.of(first), "changed plans", author);
        assertThat(outbox.counts().waiting()).isEqualTo(2);
        GateService gate = new GateService(store, outbox, Clock.systemUTC(), () -> author);
        assertThat(gate.judge(sold.command().lines().get(0).token(), gateSettings).verdict()).isEqualTo(Verdict.REFUNDED);
        assertThat(gate.judge(sold.command().lines().get(1).token(), gateSettings).verdict()).isEqualTo(Verdict.ADMIT);
        assertThat(new ReplicaQueries(store).seatState(ReplicaFixture.PERFORMANCE, 1)).isEqualTo(SeatState.FREE);
    }
}
