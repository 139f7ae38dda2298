package com.admitone.client.store;

import com.admitone.client.Json;
import com.admitone.client.store.replica.Venue;
import com.admitone.model.sync.Command;
import com.admitone.model.sync.Commands;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade of the client keeps the computer's database: a store written by the first release
 * (schema V1 only), with a replica, this device's enrolment and sales still waiting in the outbox,
 * is opened by the current code, which migrates it in place; nothing is lost and the waiting sales
 * are still sent, in order.
 */
class StoreUpgradeTest {
    @TempDir
    Path dir;

    final String deviceId = UUID.randomUUID().toString();
    final UUID firstKey = UUID.randomUUID();
    final UUID secondKey = UUID.randomUUID();
    final Commands.SellSeats firstSale = CrashingWriter.sale(0);
    final Commands.SellSeats secondSale = CrashingWriter.sale(1);

    @Test
    void aFirstReleaseStoreIsMigratedWithItsReplicaEnrolmentAndOutbox() throws Exception {
        Path file = dir.resolve(LocalStore.FILE_NAME);
        SQLiteDataSource old = new SQLiteDataSource();
        old.setUrl("jdbc:sqlite:" + file);
        Flyway.configure().dataSource(old).locations("classpath:db/client").target("1").load().migrate();
        writeAsTheFirstReleaseDid(old);
        Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();

        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(store.file()).isEqualTo(file);
            assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).as("the same file, migrated in place")
                    .isEqualTo(inode);
            assertThat(appliedVersions(store)).containsExactly("1", "2", "3", "4");

            Outbox outbox = new Outbox(store, Clock.systemUTC());
            assertThat(outbox.counts().waiting()).isEqualTo(2);
            List<OutboxItem> waiting = outbox.nextBatch(10);
            assertThat(waiting).extracting(OutboxItem::key).containsExactly(firstKey, secondKey);
            assertThat(waiting).extracting(OutboxItem::resultData).containsOnlyNulls(); // V4's new column
            assertThat(outbox.envelope(waiting.get(0)).command()).isEqualTo(firstSale);
            assertThat(outbox.envelope(waiting.get(1)).command()).isEqualTo(secondSale);

            store.read(session -> {
                DeviceCredentials credentials = session.find(DeviceCredentials.class, 1);
                assertThat(credentials.deviceId()).isEqualTo(deviceId);
                assertThat(credentials.serverUrl()).isEqualTo("http://box.example:7070");
                assertThat(SyncCursor.of(session).appliedSeq()).isEqualTo(4711);
                assertThat(session.find(Venue.class, 7L).name()).isEqualTo("Grand Crescent Theatre");
                assertThat(session.createNativeQuery("select provisional_key from seat_state where seat_id = 1", String.class)
                        .getSingleResult()).isEqualTo(firstKey.toString());
                return null;
            });
            // and the store takes new work at once
            outbox.record(CrashingWriter.sale(2), new Outbox.Author("user-1", deviceId));
            assertThat(outbox.counts().waiting()).isEqualTo(3);
        }
    }

    private void writeAsTheFirstReleaseDid(SQLiteDataSource old) throws Exception {
        try (Connection c = old.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into device_credentials values (1, 'http://box.example:7070', '" + deviceId
                    + "', 'secret', 'Counter 1', 1700000000000)");
            s.executeUpdate("update sync_cursor set applied_seq = 4711, latest_seen = 4711");
            s.executeUpdate("insert into venue values (7, 'Grand Crescent Theatre', 'Europe/London', 'GBP', 2000)");
            s.executeUpdate("insert into seat_state (performance_id, seat_id, state, provisional_state, provisional_key) "
                    + "values (1, 1, 'FREE', 'SOLD', '" + firstKey + "')");
            outboxRow(c, firstKey, firstSale);
            outboxRow(c, secondKey, secondSale);
        }
    }

    private static void outboxRow(Connection c, UUID key, Command command) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("insert into outbox (idem_key, command_type, command_json, created_ms, "
                + "device_time_ms, user_id, status, attempts) values (?, ?, ?, 1700000000000, 1700000000000, 'user-1', 'PENDING', 0)")) {
            insert.setString(1, key.toString());
            insert.setString(2, command.getClass().getSimpleName());
            insert.setString(3, Json.mapper().writeValueAsString(command));
            insert.executeUpdate();
        }
    }

    private static List<String> appliedVersions(LocalStore store) {
        return store.read(session -> session.doReturningWork(connection -> {
            List<String> versions = new ArrayList<>();
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("select version from flyway_schema_history where success = 1 order by installed_rank")) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            return versions;
        }));
    }
}
