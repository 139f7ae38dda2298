package com.admitone.bench.onsale;

import com.admitone.bench.common.ApiClient;
import com.admitone.bench.common.AsyncLimiter;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

class SaleDriverTest {
    private ExecutorService executor;
    private ScheduledExecutorService timer;

    @BeforeEach
    void start() {
        executor = Executors.newFixedThreadPool(2);
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        timer.shutdownNow();
    }

    private record Run(SaleDriver driver, SaleLedger.Audit audit, boolean completed) {
    }

    private Run sell(FakeBoxOffice fake, int buyers, int connections) throws Exception {
        ApiClient api = new ApiClient(fake.base(), ApiClient.httpClient(executor));
        JsonNode doc = api.get("/api/performances/7/seats");
        SeatMap map = SeatMap.parse(doc, "ADULT");
        SeatView view = new SeatView(map, map.freeFlags(doc));
        SnapshotRefresher refresher = new SnapshotRefresher(api, map, view, timer, 5);
        SaleDriver driver = new SaleDriver(api, map, view, refresher, new AsyncLimiter(connections), executor, timer);
        SplittableRandom random = new SplittableRandom(1);
        List<Buyer> list = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            list.add(new Buyer(i, Buyer.drawPartySize(random), random.nextLong()));
        }
        boolean completed = driver.run(list, Duration.ofSeconds(60));
        return new Run(driver, driver.ledger().audit(map, api.get("/api/performances/7/seats")), completed);
    }

    @Test
    void sellsEverySeatExactlyOnceAgainstACorrectServer() throws Exception {
        try (FakeBoxOffice fake = new FakeBoxOffice(20, 40, 0)) {
            Run run = sell(fake, 1000, 200);
            assertThat(run.completed()).isTrue();
            SaleLedger.Audit a = run.audit();
            assertThat(a.seats()).isEqualTo(800);
            assertThat(a.sold()).isEqualTo(800);
            assertThat(a.doubleSold()).isZero();
            assertThat(a.oversold()).isZero();
            assertThat(a.allSoldExactlyOnce()).isTrue();
            assertThat(a.ticketsReturned()).isEqualTo(800);
            assertThat(run.driver().rejectedSeatTaken.get()).isPositive();
            assertThat(run.driver().rejectedOther).isEmpty();
            assertThat(run.driver().ended(Buyer.End.FAILED)).isZero();
            assertThat(run.driver().latency.count()).isEqualTo(run.driver().requests.get());
        }
    }

    @ParameterizedTest
    @EnumSource(value = FakeBoxOffice.Naming.class, names = {"NONE", "ALL_REQUESTED"})
    void sellsOutWhenARefusalNamesNoSeatsOrTheWholeGroup(FakeBoxOffice.Naming naming) throws Exception {
        try (FakeBoxOffice fake = new FakeBoxOffice(20, 40, 0, naming)) {
            Run run = sell(fake, 1000, 1000);
            assertThat(run.completed()).isTrue();
            assertThat(run.audit().allSoldExactlyOnce()).isTrue();
            assertThat(run.driver().ended(Buyer.End.FAILED)).isZero();
            assertThat(run.driver().waitedForSeatMap.get()).isPositive();
        }
    }

    @Test
    void catchesAServerThatSellsASeatTwice() throws Exception {
        try (FakeBoxOffice fake = new FakeBoxOffice(20, 40, 25)) {
            Run run = sell(fake, 1000, 1000);
            SaleLedger.Audit a = run.audit();
            assertThat(a.doubleSold()).isPositive();
            assertThat(a.allSoldExactlyOnce()).isFalse();
        }
    }
}
