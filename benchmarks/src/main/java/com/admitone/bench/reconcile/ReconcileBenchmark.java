package com.admitone.bench.reconcile;

import com.admitone.bench.common.ApiClient;
import com.admitone.bench.common.CpuMeter;
import com.admitone.bench.common.EmbeddedPg;
import com.admitone.bench.common.ResultWriter;
import com.admitone.bench.common.RssSampler;
import com.admitone.bench.common.ServerProcess;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.ticket.SigningKey;
import com.admitone.model.ticket.TicketToken;
import com.admitone.model.ticket.TicketTokenCodec;
import com.admitone.server.sales.RefundApprovals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpClient;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.admitone.bench.common.ResultWriter.round;

/**
 * Reconciliation after an outage: every device pushes its offline outbox at once. Each device has
 * its own certified key and an allotment of seats on every theatre performance used; its commands
 * are sales from that allotment (guaranteed), provisional sales from a shared pool of seats that
 * other devices also sell (accepted, moved or in conflict, per the performance's policy) and
 * refunds of its own earlier sales. Afterwards the database is checked for any seat sold twice, and
 * everything is pushed again: the second push must change nothing.
 */
final class ReconcileBenchmark {
    enum Db {
        SQLITE("sqlite"), POSTGRESQL("postgresql");

        final String key;

        Db(String key) {
            this.key = key;
        }
    }

    /**
     * @param warmupCommands offline commands per device pushed, untimed, on other performances before
     *                       the timed push (0: none)
     */
    record Settings(int devices, int commands, int batch, long seed, int warmupCommands, String serverMaxHeap,
                    List<String> serverJvmOptions, Path logDir) {
    }

    /** Seats of each performance leased to each device; the rest of the house is the shared provisional pool. */
    private static final int ALLOTTED_PER_DEVICE = 30;
    private static final int PERFORMANCES = 20;
    /** Performances the untimed warm-up push sells, apart from the timed ones. */
    private static final int WARMUP_PERFORMANCES = 6;

    private final Settings settings;
    private final ObjectMapper json = ApiClient.mapper();

    ReconcileBenchmark(Settings settings) {
        this.settings = settings;
    }

    private record Seat(long id, String zone, String section, String row, int number) {
    }

    private record Show(long id, Instant startsAt, List<Seat> seats, Map<String, Long> adultPrice) {
    }

    private record Device(int index, ApiClient api, SigningKey key, String deviceId) {
    }

    Map<String, Object> run(Db db) throws Exception {
        Files.createDirectories(settings.logDir());
        Path data = Files.createTempDirectory("admitone-reconcile-" + db.key + "-");
        EmbeddedPg pg = null;
        String jdbcUrl = "jdbc:sqlite:" + data.resolve("admitone-server.db").toAbsolutePath();
        String dbUser = null;
        String dbPassword = null;
        try {
            ServerProcess.Spec spec = new ServerProcess.Spec().maxHeap(settings.serverMaxHeap()).dataDir(data)
                    .log(settings.logDir().resolve("reconcile-" + db.key + "-server.log")).serverArgs("--demo-days", "42");
            settings.serverJvmOptions().forEach(spec::jvmOption);
            if (db == Db.POSTGRESQL) {
                say("starting embedded PostgreSQL");
                pg = EmbeddedPg.start();
                jdbcUrl = pg.jdbcUrl("postgres");
                dbUser = EmbeddedPg.USER;
                dbPassword = EmbeddedPg.PASSWORD;
                spec.serverArgs("--db-url", jdbcUrl, "--db-user", dbUser, "--db-password", dbPassword);
            }
            try (ServerProcess server = ServerProcess.start(spec)) {
                say("server pid " + server.pid() + " on port " + server.port() + ", log " + server.log());
                server.awaitHealthy(Duration.ofSeconds(180));
                ExecutorService httpThreads = Executors.newFixedThreadPool(2, daemon("reconcile-http"));
                ExecutorService pushers = Executors.newFixedThreadPool(settings.devices(), daemon("reconcile-device"));
                try (RssSampler rss = RssSampler.start(server.pid(), 100)) {
                    HttpClient http = ApiClient.httpClient(httpThreads);
                    ApiClient manager = new ApiClient(server.baseUri(), http);
                    manager.login(manager.enrol("reconcile-manager", "manager", "manager-demo"), "manager", "manager-demo");
                    List<Show> all = shows(manager, PERFORMANCES + (settings.warmupCommands() > 0 ? WARMUP_PERFORMANCES : 0));
                    List<Show> shows = all.subList(0, Math.min(PERFORMANCES, all.size()));
                    List<Show> warmupShows = all.subList(shows.size(), all.size());
                    setPolicies(manager, all);
                    List<Device> devices = enrolDevices(server, http);
                    Map<String, Object> warmup = new LinkedHashMap<>();
                    warmup.put("commands_per_device", settings.warmupCommands());
                    if (settings.warmupCommands() > 0 && !warmupShows.isEmpty()) {
                        // A venue's server has been running for hours when the tills come back online: a
                        // cold JVM would spend the timed push compiling (about 10 s of CPU measured here on
                        // two cores), so the same devices first reconcile a smaller offline day of other
                        // performances, untimed.
                        Map<Integer, Map<Long, List<Seat>>> warmupAllotted = allot(manager, warmupShows, devices);
                        List<List<ObjectNode>> warmupOutboxes = new ArrayList<>();
                        for (Device device : devices) {
                            warmupOutboxes.add(outbox(device, warmupShows, warmupAllotted.get(device.index()),
                                    settings.warmupCommands(), ~settings.seed()));
                        }
                        say("warm-up: " + settings.warmupCommands() * devices.size() + " offline commands on "
                                + warmupShows.size() + " other performances (untimed)");
                        long warmupStarted = System.nanoTime();
                        pushAll(pushers, devices, warmupOutboxes);
                        warmup.put("performances", warmupShows.size());
                        warmup.put("seconds", round((System.nanoTime() - warmupStarted) / 1e9, 3));
                    }
                    Map<Integer, Map<Long, List<Seat>>> allotted = allot(manager, shows, devices);
                    List<List<ObjectNode>> outboxes = new ArrayList<>();
                    for (Device device : devices) {
                        outboxes.add(outbox(device, shows, allotted.get(device.index()), settings.commands(), settings.seed()));
                    }
                    int total = outboxes.stream().mapToInt(List::size).sum();
                    say(total + " offline commands from " + devices.size() + " devices, pushing in batches of " + settings.batch());

                    CpuMeter cpu = new CpuMeter(server.pid(), pg == null ? null : CpuMeter.postmaster(pg.port()));
                    double busyBefore = CpuMeter.machineBusyShare(1000);
                    CpuMeter.Reading cpuBefore = cpu.read();
                    long started = System.nanoTime();
                    List<List<JsonNode>> results = pushAll(pushers, devices, outboxes);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    CpuMeter.Usage used = CpuMeter.between(cpuBefore, cpu.read());
                    say(String.format("applied in %.2f s", seconds));

                    Map<String, Integer> outcomes = new TreeMap<>();
                    Map<String, Integer> rejected = new TreeMap<>();
                    int refunds = 0;
                    for (List<JsonNode> device : results) {
                        for (JsonNode result : device) {
                            String status = result.path("status").asText();
                            if ("REJECTED".equals(status)) {
                                rejected.merge(result.path("code").asText(), 1, Integer::sum);
                            } else if (result.path("data").has("outcome")) {
                                outcomes.merge(result.path("data").path("outcome").asText(), 1, Integer::sum);
                            } else if (result.path("data").has("refundedTicketIds")) {
                                refunds++;
                            }
                        }
                    }

                    long headBefore = head(manager);
                    long repushStarted = System.nanoTime();
                    List<List<JsonNode>> again = pushAll(pushers, devices, outboxes);
                    double repushSeconds = (System.nanoTime() - repushStarted) / 1e9;
                    long headAfter = head(manager);
                    int notReplayed = 0;
                    int differing = 0;
                    for (int d = 0; d < results.size(); d++) {
                        for (int i = 0; i < results.get(d).size(); i++) {
                            JsonNode first = results.get(d).get(i);
                            JsonNode second = again.get(d).get(i);
                            if (!second.path("replayed").asBoolean()) {
                                notReplayed++;
                            }
                            if (!first.path("data").equals(second.path("data")) || !first.path("status").equals(second.path("status"))) {
                                differing++;
                            }
                        }
                    }
                    Check check = check(jdbcUrl, dbUser, dbPassword, shows);

                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("db", db.key);
                    out.put("devices", devices.size());
                    out.put("commands", total);
                    out.put("batch_size", settings.batch());
                    out.put("seconds", round(seconds, 3));
                    out.put("commands_per_s", round(total / seconds, 1));
                    out.put("guaranteed", outcomes.getOrDefault("GUARANTEED", 0));
                    out.put("accepted", outcomes.getOrDefault("ACCEPTED", 0));
                    out.put("moved", outcomes.getOrDefault("MOVED", 0));
                    out.put("conflicts", outcomes.getOrDefault("CONFLICT", 0));
                    out.put("refunds", refunds);
                    out.put("rejected", rejected);
                    out.put("oversold", check.oversold());
                    out.put("valid_tickets_not_on_a_sold_seat", check.strays());
                    out.put("orders", check.orders());
                    out.put("repush_changes", (headAfter - headBefore) + notReplayed + differing);
                    out.put("repush_feed_entries", headAfter - headBefore);
                    out.put("repush_not_replayed", notReplayed);
                    out.put("repush_differing_results", differing);
                    out.put("repush_seconds", round(repushSeconds, 3));
                    out.put("performances", shows.size());
                    out.put("warmup", warmup);
                    out.put("server_peak_rss_mb", round(rss.peakMb(), 1));
                    out.put("server_cpu_s", round(used.process(), 2));
                    out.put("database_cpu_s", db == Db.POSTGRESQL ? round(used.database(), 2) : null);
                    out.put("driver_cpu_s", round(used.self(), 2));
                    out.put("other_processes_cpu_s", round(used.others(), 2));
                    out.put("server_cpu_ms_per_command", round(used.process() * 1000 / total, 3));
                    out.put("database_cpu_ms_per_command", db == Db.POSTGRESQL ? round(used.database() * 1000 / total, 3) : null);
                    out.put("machine_busy_before_pct", round(busyBefore * 100, 1));
                    out.put("server_jvm_options", settings.serverJvmOptions());
                    boolean met = seconds <= 10 && check.oversold() == 0 && (headAfter - headBefore) + notReplayed + differing == 0;
                    out.put("targets", Map.of("seconds_max", 10, "oversold", 0, "repush_changes", 0));
                    out.put("targets_met", met);
                    out.put("environment", ResultWriter.environment());
                    return out;
                } finally {
                    pushers.shutdownNow();
                    httpThreads.shutdownNow();
                }
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    // ---- set-up ----

    private List<Show> shows(ApiClient manager, int wanted) {
        List<Show> shows = new ArrayList<>();
        for (JsonNode p : manager.get("/api/performances")) {
            if (shows.size() == wanted) {
                break;
            }
            if (p.path("seatCount").asInt() != 800 || p.path("free").asInt() != 800 || !"ON_SALE".equals(p.path("status").asText())) {
                continue;
            }
            long id = p.get("id").asLong();
            JsonNode map = manager.get("/api/performances/" + id + "/seats");
            List<Seat> seats = new ArrayList<>();
            for (JsonNode s : map.get("seats")) {
                seats.add(new Seat(s.get("id").asLong(), s.get("zone").asText(), s.get("section").asText(), s.get("row").asText(),
                        s.get("number").asInt()));
            }
            Map<String, Long> prices = new TreeMap<>();
            for (JsonNode price : map.get("prices")) {
                if (price.get("priceType").asText().equals("ADULT")) {
                    prices.put(price.get("zone").asText(), price.get("minor").asLong());
                }
            }
            shows.add(new Show(id, Instant.parse(p.get("startsAt").asText()), seats, prices));
        }
        if (shows.size() < 4) {
            throw new IllegalStateException("only " + shows.size() + " untouched theatre performances");
        }
        return shows;
    }

    /** Half the performances move clashing sales, half turn them into conflicts. */
    private void setPolicies(ApiClient manager, List<Show> shows) {
        List<ObjectNode> commands = new ArrayList<>();
        for (int i = 0; i < shows.size(); i++) {
            commands.add(json.createObjectNode().put("type", "SetProvisionalPolicy").put("performanceId", shows.get(i).id())
                    .put("policy", i % 2 == 0 ? "ACCEPT_OR_MOVE" : "ACCEPT_IF_FREE").put("reason", "reconcile benchmark"));
        }
        expectApplied(push(manager, envelopes(commands, Instant.now())), "setting policies");
    }

    private List<Device> enrolDevices(ServerProcess server, HttpClient http) {
        List<Device> devices = new ArrayList<>();
        for (int d = 0; d < settings.devices(); d++) {
            SigningKey key = SigningKey.generate();
            ApiClient api = new ApiClient(server.baseUri(), http);
            ApiClient.Response enrolled = api.call("POST", "/api/devices/enrol", Map.of("name", "offline laptop " + (d + 1),
                    "username", "manager", "password", "manager-demo",
                    "publicKey", Base64.getEncoder().encodeToString(key.publicKey())), Map.of());
            if (enrolled.status() != 201 || !enrolled.body().has("certificate")) {
                throw new ApiClient.ApiException("enrolling device " + d, enrolled);
            }
            ApiClient.Enrolment device = new ApiClient.Enrolment(enrolled.body().get("deviceId").asText(),
                    enrolled.body().get("deviceSecret").asText());
            api.login(device, "boxoffice", "boxoffice-demo");
            devices.add(new Device(d, api, key, device.deviceId()));
        }
        return devices;
    }

    /** Leases each device its own block of each performance (not timed: it happens while the devices are online). */
    private Map<Integer, Map<Long, List<Seat>>> allot(ApiClient manager, List<Show> shows, List<Device> devices) {
        Map<Integer, Map<Long, List<Seat>>> allotted = new TreeMap<>();
        List<ObjectNode> commands = new ArrayList<>();
        for (Device device : devices) {
            Map<Long, List<Seat>> mine = new LinkedHashMap<>();
            for (Show show : shows) {
                List<Seat> block = show.seats().subList(device.index() * ALLOTTED_PER_DEVICE, (device.index() + 1) * ALLOTTED_PER_DEVICE);
                mine.put(show.id(), new ArrayList<>(block));
                ObjectNode allot = json.createObjectNode().put("type", "AllotSeats").put("allotmentId", allotmentId(device, show).toString())
                        .put("performanceId", show.id()).put("deviceId", device.deviceId()).put("until", show.startsAt().toString());
                ArrayNode ids = allot.putArray("seatIds");
                block.forEach(s -> ids.add(s.id()));
                commands.add(allot);
            }
            allotted.put(device.index(), mine);
        }
        for (int from = 0; from < commands.size(); from += 100) {
            expectApplied(push(manager, envelopes(commands.subList(from, Math.min(commands.size(), from + 100)), Instant.now())),
                    "allotting");
        }
        return allotted;
    }

    private static UUID allotmentId(Device device, Show show) {
        return UUID.nameUUIDFromBytes(("bench:" + device.deviceId() + ":" + show.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A device's outbox after a day offline: 4 in 10 commands sell from its allotment, 5 in 10 sell
     * provisionally from the shared pool (singles and pairs, chosen at random, so devices collide),
     * 1 in 10 refunds one of its earlier allotment sales.
     */
    private List<ObjectNode> outbox(Device device, List<Show> shows, Map<Long, List<Seat>> allotted, int count, long seed) {
        Random random = new Random(seed * 1_000_003 + device.index());
        int poolStart = settings.devices() * ALLOTTED_PER_DEVICE;
        List<ObjectNode> commands = new ArrayList<>();
        List<String> refundable = new ArrayList<>();
        Instant offlineSince = Instant.now().minus(Duration.ofHours(6));
        int allotCursor = 0;
        for (int i = 0; i < count; i++) {
            int kind = i % 10;
            ObjectNode command = null;
            if (kind == 9 && !refundable.isEmpty()) {
                String orderId = refundable.remove(random.nextInt(refundable.size()));
                command = json.createObjectNode().put("type", "RefundTickets").put("refundId", UUID.randomUUID().toString())
                        .put("orderId", orderId).put("reason", "refunded at the counter while offline");
            } else if (kind < 4) {
                int size = random.nextInt(10) < 7 ? 1 : 2;
                for (int tries = 0; tries < shows.size() && command == null; tries++) {
                    Show show = shows.get(allotCursor++ % shows.size());
                    List<Seat> left = allotted.get(show.id());
                    if (left.size() >= size) {
                        List<Seat> seats = new ArrayList<>(left.subList(0, size));
                        left.subList(0, size).clear();
                        command = sale(device, show, seats, allotmentId(device, show));
                        // A till refunds offline only what it may pay out without a manager (the venue's
                        // approval limit): above it the client asks for approval online instead.
                        if (command.path("payments").path(0).path("amountMinor").asLong() <= RefundApprovals.DEFAULT_LIMIT_MINOR) {
                            refundable.add(command.get("orderId").asText());
                        }
                    }
                }
            }
            if (command == null) {
                Show show = shows.get(random.nextInt(shows.size()));
                List<Seat> pool = show.seats().subList(poolStart, show.seats().size());
                int at = random.nextInt(pool.size() - 1);
                List<Seat> seats = new ArrayList<>(List.of(pool.get(at)));
                Seat next = pool.get(at + 1);
                if (random.nextInt(10) < 3 && next.row().equals(seats.get(0).row()) && next.section().equals(seats.get(0).section())) {
                    seats.add(next);
                }
                command = sale(device, show, seats, null);
            }
            command.put("_deviceTime", offlineSince.plusSeconds(i * 2L).toString());
            commands.add(command);
        }
        return commands;
    }

    private ObjectNode sale(Device device, Show show, List<Seat> seats, UUID allotmentId) {
        ObjectNode sell = json.createObjectNode().put("type", "SellOffline").put("orderId", UUID.randomUUID().toString())
                .put("performanceId", show.id());
        if (allotmentId != null) {
            sell.put("allotmentId", allotmentId.toString());
        }
        ArrayNode lines = sell.putArray("lines");
        long total = 0;
        for (Seat seat : seats) {
            long price = show.adultPrice().get(seat.zone());
            UUID ticketId = UUID.randomUUID();
            ObjectNode offline = lines.addObject();
            offline.putObject("line").put("ticketId", ticketId.toString()).put("seatId", seat.id()).put("priceType", "ADULT")
                    .put("priceMinor", price).put("discountMinor", 0);
            TicketToken token = new TicketToken(device.key().keyId(), ticketId, show.id(), seat.id(), null, PriceType.ADULT,
                    show.startsAt().minus(Duration.ofHours(2)), show.startsAt().plus(Duration.ofHours(5)), 1);
            offline.put("token", TicketTokenCodec.encode(token, device.key()));
            total += price;
        }
        sell.putArray("payments").addObject().put("paymentId", UUID.randomUUID().toString()).put("method", "CASH")
                .put("amountMinor", total).put("tenderedMinor", total);
        sell.put("orderDiscountMinor", 0);
        sell.put("soldAt", Instant.now().minus(Duration.ofHours(1)).toString());
        return sell;
    }

    // ---- pushing ----

    /** Every device at once, each sending its outbox in order, one batch after another, as its sync engine does. */
    private List<List<JsonNode>> pushAll(ExecutorService pushers, List<Device> devices, List<List<ObjectNode>> outboxes)
            throws Exception {
        List<Future<List<JsonNode>>> running = new ArrayList<>();
        for (Device device : devices) {
            List<ObjectNode> outbox = outboxes.get(device.index());
            running.add(pushers.submit(() -> {
                List<JsonNode> results = new ArrayList<>();
                for (int from = 0; from < outbox.size(); from += settings.batch()) {
                    List<ObjectNode> chunk = outbox.subList(from, Math.min(outbox.size(), from + settings.batch()));
                    push(device.api(), envelopes(chunk, null)).forEach(results::add);
                }
                return results;
            }));
        }
        List<List<JsonNode>> all = new ArrayList<>();
        for (Future<List<JsonNode>> f : running) {
            all.add(f.get());
        }
        return all;
    }

    /** Envelopes with stable keys: the key is kept on the command the first time, as the outbox keeps it. */
    private ArrayNode envelopes(List<ObjectNode> commands, Instant deviceTime) {
        ArrayNode envelopes = json.createArrayNode();
        for (ObjectNode command : commands) {
            if (!command.has("_key")) {
                command.put("_key", UUID.randomUUID().toString());
            }
            ObjectNode copy = command.deepCopy();
            String key = copy.remove("_key").asText();
            JsonNode time = copy.remove("_deviceTime");
            ObjectNode envelope = envelopes.addObject();
            envelope.put("key", key);
            envelope.put("deviceTime", time != null ? time.asText() : (deviceTime != null ? deviceTime : Instant.now()).toString());
            envelope.set("command", copy);
        }
        return envelopes;
    }

    private JsonNode push(ApiClient api, ArrayNode envelopes) {
        ObjectNode batch = json.createObjectNode();
        batch.set("commands", envelopes);
        ApiClient.Response response = api.call("POST", "/api/commands", batch, Map.of());
        if (response.status() != 200 || response.body() == null) {
            throw new ApiClient.ApiException("pushing " + envelopes.size() + " commands", response);
        }
        return response.body().get("results");
    }

    private static void expectApplied(JsonNode results, String what) {
        for (JsonNode result : results) {
            if (!"APPLIED".equals(result.path("status").asText())) {
                throw new IllegalStateException(what + ": " + result);
            }
        }
    }

    private static long head(ApiClient api) {
        return api.get("/api/changes?after=0&limit=1").path("latest").asLong();
    }

    // ---- checking ----

    private record Check(int oversold, int strays, int orders) {
    }

    /** Straight from the database: seats with more than one valid ticket, and valid tickets whose seat is not sold to their order. */
    private static Check check(String url, String user, String password, List<Show> timed) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            int oversold = count(connection, "SELECT COUNT(*) FROM (SELECT performance_id, seat_id FROM ticket WHERE status = 'VALID' "
                    + "AND seat_id IS NOT NULL GROUP BY performance_id, seat_id HAVING COUNT(*) > 1) twice");
            int strays = count(connection, "SELECT COUNT(*) FROM ticket t JOIN seat_state ss ON ss.performance_id = t.performance_id "
                    + "AND ss.seat_id = t.seat_id WHERE t.status = 'VALID' AND (ss.state <> 'SOLD' OR ss.order_id <> t.order_id)");
            String ids = timed.stream().map(show -> Long.toString(show.id())).collect(java.util.stream.Collectors.joining(","));
            int orders = count(connection, "SELECT COUNT(*) FROM customer_order WHERE reconcile_outcome IS NOT NULL "
                    + "AND performance_id IN (" + ids + ")");
            return new Check(oversold, strays, orders);
        }
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static void say(String line) {
        System.out.println("[reconcile] " + line);
    }
}
