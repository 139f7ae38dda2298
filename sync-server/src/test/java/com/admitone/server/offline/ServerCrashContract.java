package com.admitone.server.offline;

import com.admitone.server.storage.DatabaseSettings;
import com.admitone.server.testing.ApiClient;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.EmbeddedPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server process killed (SIGKILL) while it applies a large batch of offline sales, restarted
 * on the same database, and the device pushing the same batch again: every command is applied
 * exactly once, nothing acknowledged is lost, no seat is sold twice (DESIGN.md invariants 2 and 6).
 * The server runs as its own JVM, started as an operator would with {@code ServerMain}.
 */
abstract class ServerCrashContract {
    private static final int COMMANDS = 1000;

    abstract Backend backend();

    @Test
    void killedInTheMiddleOfABatchAndRestartedEveryCommandIsAppliedExactlyOnce() throws Exception {
        Path data = Files.createTempDirectory("admitone-crash-" + backend().name().toLowerCase());
        List<String> dbArgs = new ArrayList<>();
        DatabaseSettings database;
        if (backend() == Backend.POSTGRESQL) {
            database = EmbeddedPostgres.freshDatabase();
            dbArgs.addAll(List.of("--db-url", database.jdbcUrl(), "--db-user", database.user(), "--db-password", database.password()));
        } else {
            database = DatabaseSettings.sqliteFile(data.resolve("admitone-server.db"));
        }
        int port = freePort();
        Process server = start(port, data, dbArgs, "first");
        Process restarted = null;
        try {
            String base = "http://127.0.0.1:" + port;
            OfflineDevice laptop = new OfflineDevice(base, "Crash laptop", "boxoffice");
            ApiClient manager = new ApiClient(base);
            manager.enrolDevice("Crash manager", "manager", "manager-demo");
            manager.login("manager", "manager-demo");

            // 1,000 offline sales over the theatre's performances, a third of them clashing with another.
            List<Long> performances = new ArrayList<>();
            for (JsonNode p : manager.get("/api/performances").json()) {
                if (p.get("seatCount").asInt() == 800 && performances.size() < 3) {
                    performances.add(p.get("id").asLong());
                    manager.command(OfflineDevice.policy(p.get("id").asLong(), "ACCEPT_OR_MOVE"));
                }
            }
            ArrayNode batch = ApiClient.JSON.createArrayNode();
            List<String> orderIds = new ArrayList<>();
            for (int i = 0; i < COMMANDS; i++) {
                long performance = performances.get(i % performances.size());
                JsonNode map = maps(manager, performance);
                int seat = (i / performances.size()) % 500;
                var sale = laptop.sellOffline(map, OfflineDevice.seatIds(map, i % 3 == 2 && seat > 0 ? seat - 1 : seat, 1), null);
                orderIds.add(sale.get("orderId").asText());
                batch.add(ApiClient.envelope(UUID.randomUUID(), sale));
            }
            long head = manager.get("/api/changes?after=0&limit=1").json().get("latest").asLong();

            CompletableFuture<Void> push = CompletableFuture.runAsync(() -> {
                try {
                    laptop.api.commandBatch(batch);
                } catch (RuntimeException lost) {
                    // the answer is lost with the server: exactly what the device's outbox is for
                }
            });
            // Kill it once the applier has committed some of the batch, but long before the end.
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                long now = manager.get("/api/changes?after=0&limit=1").json().get("latest").asLong();
                if (now > head + 50) {
                    break;
                }
                Thread.sleep(5);
            }
            server.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            push.get(30, TimeUnit.SECONDS);
            int appliedBeforeKill = count(database, "SELECT COUNT(*) FROM command_log WHERE command_type = 'SellOffline'");
            assertThat(appliedBeforeKill).as("the kill came in the middle of the batch").isBetween(1, COMMANDS - 1);

            restarted = start(port, data, dbArgs, "second");
            JsonNode results = laptop.api.commandBatch(batch);

            int replayed = 0;
            for (JsonNode result : results) {
                assertThat(result.get("status").asText()).as(result.toString()).isIn("APPLIED", "CONFLICT");
                if (result.get("replayed").asBoolean()) {
                    replayed++;
                }
            }
            assertThat(replayed).as("the commands committed before the kill come back as stored results")
                    .isEqualTo(appliedBeforeKill);
            JsonNode again = laptop.api.commandBatch(batch);
            for (int i = 0; i < COMMANDS; i++) {
                assertThat(again.get(i).get("replayed").asBoolean()).isTrue();
                assertThat(again.get(i).get("data")).isEqualTo(results.get(i).get("data"));
            }
        } finally {
            server.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            if (restarted != null) {
                restarted.destroy();
                if (!restarted.waitFor(20, TimeUnit.SECONDS)) {
                    restarted.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
        // Straight from the database, with the server stopped.
        assertThat(count(database, "SELECT COUNT(*) FROM command_log WHERE command_type = 'SellOffline'")).isEqualTo(COMMANDS);
        assertThat(count(database, "SELECT COUNT(*) FROM customer_order WHERE reconcile_outcome IS NOT NULL")).isEqualTo(COMMANDS);
        assertThat(count(database, "SELECT COUNT(*) FROM audit_entry WHERE action = 'sell_offline'")).isEqualTo(COMMANDS);
        assertThat(count(database, "SELECT COUNT(*) FROM (SELECT performance_id, seat_id FROM ticket WHERE status = 'VALID' "
                + "AND seat_id IS NOT NULL GROUP BY performance_id, seat_id HAVING COUNT(*) > 1) twice")).isZero();
        assertThat(count(database, "SELECT COUNT(*) FROM ticket t JOIN seat_state ss ON ss.performance_id = t.performance_id "
                + "AND ss.seat_id = t.seat_id WHERE t.status = 'VALID' AND (ss.state <> 'SOLD' OR ss.order_id <> t.order_id)")).isZero();
        assertThat(count(database, "SELECT COUNT(*) FROM seat_state ss WHERE ss.state = 'SOLD' AND NOT EXISTS (SELECT 1 FROM ticket t "
                + "WHERE t.performance_id = ss.performance_id AND t.seat_id = ss.seat_id AND t.status = 'VALID')")).isZero();
    }

    private final java.util.Map<Long, JsonNode> seatMaps = new java.util.HashMap<>();

    private JsonNode maps(ApiClient client, long performance) {
        return seatMaps.computeIfAbsent(performance, client::seatMap);
    }

    private Process start(int port, Path data, List<String> dbArgs, String name) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "com.admitone.server.ServerMain",
                "--port", Integer.toString(port), "--data", data.toString(), "--demo", "--demo-days", "4"));
        command.addAll(dbArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("server-" + name + ".log").toFile()).start();
        ApiClient probe = new ApiClient("http://127.0.0.1:" + port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited: " + Files.readString(data.resolve("server-" + name + ".log")));
            }
            try {
                if (probe.get("/health").status() == 200) {
                    return process;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not start within 90 s");
    }

    private static int count(DatabaseSettings database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
