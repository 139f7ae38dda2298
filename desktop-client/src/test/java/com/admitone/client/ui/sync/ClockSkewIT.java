package com.admitone.client.ui.sync;

import com.admitone.client.store.Outbox;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.sync.ServerApi;
import com.admitone.client.testing.ClientUnderTest;
import com.admitone.client.testing.SaleCommands;
import com.admitone.model.sync.Commands;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real clients, a real server: a till that sold offline an hour ago and syncs now shows no clock
 * difference in the device list; a till whose clock is ten minutes fast shows "CLOCK WRONG".
 */
class ClockSkewIT {

    @Test
    void anHourOldOfflineSaleIsNoSkewButAClockTenMinutesFastIsFlagged(@TempDir Path dm, @TempDir Path dr, @TempDir Path df)
            throws Exception {
        try (TestServer server = TestServer.start(Backend.SQLITE);
             ClientUnderTest manager = new ClientUnderTest(dm, server.baseUrl(), "Office", "manager", "manager-demo");
             ClientUnderTest right = new ClientUnderTest(dr, server.baseUrl(), "Till right", "boxoffice", "boxoffice-demo");
             ClientUnderTest fast = new ClientUnderTest(df, server.baseUrl(), "Till fast", "boxoffice", "boxoffice-demo",
                     Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)))) {
            sync(right);
            sync(fast);
            long performance = SaleCommands.theatrePerformanceOnSale(right.store);
            List<Long> seats = SaleCommands.firstSeats(right.store, performance, 0, 2);

            // Recorded an hour ago while offline (the outbox's clock then), sent now.
            Outbox anHourAgo = new Outbox(right.store, Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));
            OutboxItem old = anHourAgo.record(SaleCommands.adultCashSale(right.store, performance, seats.subList(0, 1)), right.author());
            assertThat(sync(right).rejected()).isZero();
            assertThat(right.outbox.find(old.key()).status()).isEqualTo(OutboxItem.Status.APPLIED);

            Commands.SellSeats sale = SaleCommands.adultCashSale(fast.store, performance, seats.subList(1, 2));
            fast.outbox.record(sale, fast.author());
            assertThat(sync(fast).rejected()).isZero();

            List<ServerApi.DeviceInfo> devices = manager.api.devices();
            ServerApi.DeviceInfo rightRow = devices.stream().filter(d -> d.id().equals(right.credentials.deviceId())).findFirst().orElseThrow();
            ServerApi.DeviceInfo fastRow = devices.stream().filter(d -> d.id().equals(fast.credentials.deviceId())).findFirst().orElseThrow();
            assertThat(Math.abs(rightRow.lastSkewMillis())).isLessThan(10_000);
            assertThat(rightRow.clockSkewLarge()).isFalse();
            assertThat(OutboxViewModel.skewText(rightRow.lastSkewMillis(), rightRow.clockSkewLarge())).doesNotContain("WRONG");
            assertThat(fastRow.lastSkewMillis()).isBetween(590_000L, 610_000L);
            assertThat(fastRow.clockSkewLarge()).isTrue();
            assertThat(OutboxViewModel.skewText(fastRow.lastSkewMillis(), fastRow.clockSkewLarge()))
                    .matches("CLOCK WRONG: (9 min 5\\d|10 min 0) s ahead");
        }
    }

    @Test
    void skewTextReadsPlainly() {
        assertThat(OutboxViewModel.skewText(300, false)).isEqualTo("+0.3 s");
        assertThat(OutboxViewModel.skewText(-602_000, true)).isEqualTo("CLOCK WRONG: 10 min 2 s behind");
        assertThat(OutboxViewModel.skewText(7_380_000, true)).isEqualTo("CLOCK WRONG: 2 h 3 min ahead");
    }

    private static com.admitone.client.sync.SyncStatus sync(ClientUnderTest client) throws Exception {
        return client.engine.syncNow().get(120, TimeUnit.SECONDS);
    }
}
