package com.admitone.client.store;

import com.admitone.client.store.replica.CustomerOrder;
import com.admitone.client.store.replica.SeatStatus;
import com.admitone.client.store.replica.Ticket;
import com.admitone.model.inventory.SeatState;
import com.admitone.model.sync.Commands;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local store on a real SQLite file: a command and its effect commit together or not at all. */
class LocalStoreTest {
    @TempDir
    Path dir;
    LocalStore store;
    Outbox outbox;
    final Outbox.Author author = new Outbox.Author("user-1", "device-1");

    @BeforeEach
    void open() {
        store = LocalStore.open(dir);
        outbox = new Outbox(store, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSaleIsRecordedWithItsProvisionalEffectInOneTransaction() {
        Commands.SellSeats sale = CrashingWriter.sale(0);
        OutboxItem item = outbox.record(sale, author);

        ReplicaQueries replica = new ReplicaQueries(store);
        assertThat(replica.seatState(1, 1)).isEqualTo(SeatState.SOLD);
        assertThat(replica.confirmedSeatState(1, 1)).isEqualTo(SeatState.FREE);
        assertThat(replica.seatState(1, 4)).isEqualTo(SeatState.FREE);
        assertThat(outbox.nextBatch(10)).extracting(OutboxItem::key).containsExactly(item.key());
        assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(1, 0));
        CustomerOrder order = store.read(s -> s.find(CustomerOrder.class, sale.orderId().toString()));
        assertThat(order.isProvisional()).isTrue();
        assertThat(order.totalMinor()).isEqualTo(2500);
        assertThat(outbox.envelope(item).command()).isEqualTo(sale);
    }

    @Test
    void aFailedTransactionLeavesNeitherCommandNorEffect() {
        assertThatThrownBy(() -> store.write(s -> {
            outbox.record(s, CrashingWriter.sale(0), author, null);
            throw new IllegalStateException("printer on fire");
        })).hasMessage("printer on fire");

        assertThat(outbox.counts().waiting()).isZero();
        assertThat(new ReplicaQueries(store).count(SeatStatus.class)).isZero();
        assertThat(new ReplicaQueries(store).count(CustomerOrder.class)).isZero();
    }

    @Test
    void aRejectionUndoesTheEffectButKeepsTheItemWithItsReason() {
        Commands.SellSeats sale = CrashingWriter.sale(0);
        OutboxItem item = outbox.record(sale, author);
        outbox.recordResults(List.of(new com.admitone.model.sync.CommandResult(item.key(),
                com.admitone.model.sync.CommandResult.Status.REJECTED, "SEAT_TAKEN", "Seat A1 was sold at another counter.",
                null, 0, java.time.Instant.now(), false)));

        assertThat(new ReplicaQueries(store).seatState(1, 1)).isEqualTo(SeatState.FREE);
        assertThat(new ReplicaQueries(store).count(Ticket.class)).isZero();
        assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(0, 1));
        OutboxItem kept = outbox.recent(10).get(0);
        assertThat(kept.status()).isEqualTo(OutboxItem.Status.REJECTED);
        assertThat(kept.resultCode()).isEqualTo("SEAT_TAKEN");
        assertThat(kept.resultMessage()).contains("another counter");
    }

    @Test
    void theStoreSurvivesReopening() {
        outbox.record(CrashingWriter.sale(0), author);
        store.close();
        store = LocalStore.open(dir);
        outbox = new Outbox(store, Clock.systemUTC());
        assertThat(outbox.counts().waiting()).isEqualTo(1);
    }

    /**
     * Kills a writing JVM with SIGKILL at an arbitrary moment, then reopens its database: every
     * outbox item has its whole effect, and no effect exists without its outbox item.
     */
    @Test
    void aCrashMidWriteKeepsBothOrNeither() throws Exception {
        crashMidWrite("sync");
    }

    /**
     * The gate's writes skip the fsync: a crash of the app (not a power cut) must still keep every
     * scan whose verdict was shown, i.e. every commit that returned, with its outbox command.
     */
    @Test
    void aCrashMidQuickWriteKeepsEveryCommitThatReturned() throws Exception {
        crashMidWrite("quick");
    }

    /**
     * Commits go on while the log is copied to the database file in the background, and nothing is
     * lost across it: no pooled connection checkpoints inside a commit, and a checkpoint copies
     * the whole log when no reader holds part of it.
     */
    @Test
    void checkpointsRunOutsideCommitsAndKeepEveryWrite() {
        for (int i = 0; i < 40; i++) {
            Commands.RecordScans scan = CrashingWriter.scan(i);
            store.writeQuickly(db -> {
                outbox.recordQuickly(db, scan, author);
                return null;
            });
        }
        for (int i = 0; i < 8; i++) {
            int pages = store.read(session -> session.doReturningWork(c -> {
                try (var statement = c.createStatement(); var rows = statement.executeQuery("PRAGMA wal_autocheckpoint")) {
                    rows.next();
                    return rows.getInt(1);
                }
            }));
            assertThat(pages).as("automatic checkpoint threshold of a pooled connection").isZero();
        }
        assertThat(store.checkpoint()).as("the whole log copied").isTrue();
        store.close();
        store = LocalStore.open(dir);
        outbox = new Outbox(store, Clock.systemUTC());
        assertThat(outbox.counts().waiting()).isEqualTo(40);
    }

    private void crashMidWrite(String mode) throws Exception {
        store.close();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx128m", "-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile", ""), "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dir.toString(), mode)
                .redirectErrorStream(true).start();
        int committed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ") && ++committed >= 25) {
                    break;
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(committed).as("the writer committed before it was killed").isGreaterThanOrEqualTo(25);

        store = LocalStore.open(dir);
        outbox = new Outbox(store, Clock.systemUTC());
        List<OutboxItem> items = outbox.nextBatch(100_000);
        assertThat(items.size()).isGreaterThanOrEqualTo(committed);
        Set<String> keys = items.stream().map(i -> i.key().toString()).collect(Collectors.toSet());
        if (mode.equals("quick")) {
            // Each scan and its RecordScans command, together or not at all.
            long scans = store.read(s -> s.createSelectionQuery("select count(*) from ScanEntry", Long.class).getSingleResult());
            assertThat(scans).isEqualTo(items.size());
            assertThat(items).extracting(OutboxItem::commandType).containsOnly("RecordScans");
            return;
        }
        store.read(s -> {
            for (String key : keys) {
                assertThat(s.createSelectionQuery("select count(*) from SeatStatus where provisionalKey = :k", Long.class)
                        .setParameter("k", key).getSingleResult()).as("seats of " + key).isEqualTo(3L);
                assertThat(s.createSelectionQuery("select count(*) from Ticket where pendingKey = :k", Long.class)
                        .setParameter("k", key).getSingleResult()).as("tickets of " + key).isEqualTo(3L);
                assertThat(s.createSelectionQuery("select count(*) from CustomerOrder where pendingKey = :k", Long.class)
                        .setParameter("k", key).getSingleResult()).as("order of " + key).isEqualTo(1L);
            }
            List<String> marks = s.createSelectionQuery("select distinct provisionalKey from SeatStatus", String.class).getResultList();
            assertThat(keys).containsAll(marks);
            List<String> orderMarks = s.createSelectionQuery("select distinct pendingKey from CustomerOrder", String.class).getResultList();
            assertThat(keys).containsAll(orderMarks);
            return null;
        });
    }

    @Test
    void aQuickWriteCommitsOrRollsBackAndWhatItWroteReadsBackThroughTheMapping() {
        Commands.RecordScans scans = new Commands.RecordScans(List.of(new Commands.ScanRecord(UUID.randomUUID(), UUID.randomUUID(),
                7L, "North", java.time.Instant.parse("2026-11-22T19:01:02.345Z"), "ADMIT", "ENTRY")));
        store.writeQuickly(db -> {
            outbox.recordQuickly(db, scans, author);
            return null;
        });
        assertThatThrownBy(() -> store.writeQuickly(db -> {
            outbox.recordQuickly(db, scans, author);
            throw new IllegalStateException("scanner unplugged");
        })).hasMessage("scanner unplugged");
        // The connection is usable again after the rollback, and an ordinary write is not held up by it.
        store.writeQuickly(db -> {
            outbox.recordQuickly(db, scans, author);
            return null;
        });
        outbox.record(CrashingWriter.sale(0), author);

        List<OutboxItem> waiting = outbox.nextBatch(10);
        assertThat(waiting).hasSize(3);
        assertThat(waiting.get(0).commandType()).isEqualTo("RecordScans");
        assertThat(outbox.envelope(waiting.get(0)).command()).isEqualTo(scans);
        assertThat(outbox.envelope(waiting.get(1)).command()).isEqualTo(scans);
        assertThat(waiting.get(0).key()).isNotEqualTo(waiting.get(1).key());
        assertThat(outbox.counts()).isEqualTo(new Outbox.Counts(3, 0));
        // The scan connection's safety level stays its own: every pooled connection still fsyncs its commits.
        for (int i = 0; i < 8; i++) {
            int level = store.read(session -> session.doReturningWork(c -> {
                try (var statement = c.createStatement(); var rows = statement.executeQuery("PRAGMA synchronous")) {
                    rows.next();
                    return rows.getInt(1);
                }
            }));
            assertThat(level).as("synchronous level (2 = FULL)").isEqualTo(2);
        }
    }
}
