package com.admitone.client.offline;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.Outbox;
import com.admitone.client.store.OutboxItem;
import com.admitone.model.sync.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client process killed with SIGKILL in the middle of offline sales: the store reopens
 * consistently, every sale in the replica has its command in the outbox and every command its sale.
 */
class OfflineCrashTest {
    static final int ALLOTTED = 400;

    @TempDir
    Path dir;

    @Test
    void aKilledSellerLeavesEverySaleWithItsCommandAndEveryCommandWithItsSale() throws Exception {
        try (LocalStore store = LocalStore.open(dir)) {
            ReplicaFixture replica = new ReplicaFixture(store, Instant.now().plus(Duration.ofDays(1)), "ACCEPT_OR_MOVE", 1000);
            replica.certifyDevice(Instant.now().plus(Duration.ofDays(365)));
            replica.allot("11111111-1111-1111-1111-111111111111", ReplicaFixture.DEVICE, Instant.now().plus(Duration.ofHours(20)),
                    LongStream.rangeClosed(1, ALLOTTED).boxed().toList());
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx160m", "-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile", ""),
                "-cp", System.getProperty("java.class.path"), CrashingOfflineSeller.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        int committed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ") && ++committed >= 30) {
                    break;
                }
            }
            child.destroyForcibly(); // SIGKILL on Unix
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(committed).as("sales committed before the kill").isGreaterThanOrEqualTo(30);

        try (LocalStore store = LocalStore.open(dir)) {
            Outbox outbox = new Outbox(store, Clock.systemUTC());
            int integrity = store.read(s -> s.doReturningWork(c -> {
                try (var st = c.createStatement(); var rows = st.executeQuery("PRAGMA integrity_check")) {
                    rows.next();
                    return "ok".equals(rows.getString(1)) ? 1 : 0;
                }
            }));
            assertThat(integrity).as("PRAGMA integrity_check").isEqualTo(1);
            List<OutboxItem> items = outbox.nextBatch(100_000);
            assertThat(items.size()).isGreaterThanOrEqualTo(committed);
            Set<String> keys = items.stream().map(i -> i.key().toString()).collect(Collectors.toSet());
            store.read(s -> {
                for (OutboxItem item : items) {
                    Commands.SellOffline sale = (Commands.SellOffline) outbox.envelope(item).command();
                    String key = item.key().toString();
                    assertThat(s.createSelectionQuery("select count(*) from CustomerOrder where pendingKey = :k and id = :o", Long.class)
                            .setParameter("k", key).setParameter("o", sale.orderId().toString()).getSingleResult())
                            .as("order of " + key).isEqualTo(1L);
                    assertThat(s.createSelectionQuery("select count(*) from Ticket where pendingKey = :k and token is not null", Long.class)
                            .setParameter("k", key).getSingleResult()).as("signed tickets of " + key).isEqualTo((long) sale.lines().size());
                    assertThat(s.createSelectionQuery("select count(*) from SeatStatus where provisionalKey = :k", Long.class)
                            .setParameter("k", key).getSingleResult()).as("seats of " + key).isEqualTo((long) sale.lines().size());
                }
                for (String mark : s.createSelectionQuery("select pendingKey from CustomerOrder", String.class).getResultList()) {
                    assertThat(keys).as("every sale in the replica has its command").contains(mark);
                }
                for (String mark : s.createSelectionQuery("select distinct provisionalKey from SeatStatus where provisionalKey is not null",
                        String.class).getResultList()) {
                    assertThat(keys).contains(mark);
                }
                return null;
            });
        }
    }
}
