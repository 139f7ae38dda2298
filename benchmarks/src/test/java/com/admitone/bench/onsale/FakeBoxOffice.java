package com.admitone.bench.onsale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the sync server's seat-map and command endpoints, just enough to test the load
 * driver: {@code rows x perRow} seats, zone A (first half of the rows, 4500) and B (3000), and a
 * correct conditional sale. {@code breakEvery} > 0 makes every n-th sale double-sell on purpose.
 */
final class FakeBoxOffice implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final int rows;
    private final int perRow;
    private final String[] state;
    private final AtomicInteger orders = new AtomicInteger();
    private final int breakEvery;
    private final Naming naming;

    /** Which seats a SEAT_TAKEN refusal names. */
    enum Naming { TAKEN, NONE, ALL_REQUESTED }

    FakeBoxOffice(int rows, int perRow, int breakEvery) throws IOException {
        this(rows, perRow, breakEvery, Naming.TAKEN);
    }

    FakeBoxOffice(int rows, int perRow, int breakEvery, Naming naming) throws IOException {
        this.naming = naming;
        this.rows = rows;
        this.perRow = perRow;
        this.breakEvery = breakEvery;
        this.state = new String[rows * perRow];
        java.util.Arrays.fill(state, "FREE");
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
        server.setExecutor(pool);
        server.createContext("/api/performances/7/seats", this::seats);
        server.createContext("/api/commands", this::commands);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    long seatId(int index) {
        return 1000 + index;
    }

    private long price(int index) {
        return index / perRow < rows / 2 ? 4500 : 3000;
    }

    private void seats(HttpExchange ex) throws IOException {
        ObjectNode doc = json.createObjectNode();
        doc.put("performanceId", 7);
        doc.put("currency", "GBP");
        ArrayNode seats = doc.putArray("seats");
        synchronized (this) {
            for (int i = 0; i < state.length; i++) {
                int row = i / perRow;
                ObjectNode s = seats.addObject();
                s.put("id", seatId(i));
                s.put("label", (char) ('A' + row) + Integer.toString(i % perRow + 1));
                s.put("section", "Stalls");
                s.put("row", Character.toString((char) ('A' + row)));
                s.put("number", i % perRow + 1);
                s.put("zone", row < rows / 2 ? "A" : "B");
                s.putArray("flags");
                s.put("state", state[i]);
            }
        }
        doc.putArray("areas");
        ArrayNode prices = doc.putArray("prices");
        prices.addObject().put("zone", "A").put("priceType", "ADULT").put("minor", 4500);
        prices.addObject().put("zone", "B").put("priceType", "ADULT").put("minor", 3000);
        prices.addObject().put("zone", "A").put("priceType", "CHILD").put("minor", 2000);
        reply(ex, 200, doc);
    }

    private void commands(HttpExchange ex) throws IOException {
        JsonNode batch = json.readTree(ex.getRequestBody());
        ObjectNode out = json.createObjectNode();
        ArrayNode results = out.putArray("results");
        for (JsonNode envelope : batch.path("commands")) {
            JsonNode cmd = envelope.path("command");
            ObjectNode r = results.addObject();
            r.put("key", envelope.path("key").asText());
            long total = 0;
            boolean priced = true;
            int[] idx = new int[cmd.path("lines").size()];
            for (int k = 0; k < idx.length; k++) {
                JsonNode line = cmd.path("lines").get(k);
                idx[k] = (int) (line.path("seatId").asLong() - 1000);
                priced &= line.path("priceMinor").asLong() == price(idx[k]) && "ADULT".equals(line.path("priceType").asText());
                total += line.path("priceMinor").asLong();
            }
            long paid = 0;
            for (JsonNode p : cmd.path("payments")) {
                paid += p.path("amountMinor").asLong();
            }
            if (!"SellSeats".equals(cmd.path("type").asText()) || !priced || paid != total) {
                r.put("status", "REJECTED").put("code", priced ? "PAYMENT_MISMATCH" : "PRICE_MISMATCH");
                continue;
            }
            boolean ok;
            List<Long> taken = new ArrayList<>();
            synchronized (this) {
                boolean sabotage = breakEvery > 0 && orders.get() > 0 && orders.get() % breakEvery == 0;
                ok = true;
                for (int i : idx) {
                    if (!"FREE".equals(state[i])) {
                        ok = false;
                        taken.add(seatId(i));
                    }
                }
                if (ok || sabotage) {
                    for (int i : idx) {
                        state[i] = "SOLD";
                    }
                    orders.incrementAndGet();
                    ok = true;
                }
            }
            if (ok) {
                r.put("status", "APPLIED");
                ObjectNode data = r.putObject("data");
                data.put("orderNumber", "ORD-" + orders.get());
                ArrayNode tickets = data.putArray("tickets");
                for (int i : idx) {
                    tickets.addObject().put("seatId", seatId(i));
                }
            } else {
                r.put("status", "REJECTED").put("code", "SEAT_TAKEN");
                if (naming == Naming.TAKEN) {
                    ArrayNode ids = r.putObject("data").putArray("seatIds");
                    taken.forEach(ids::add);
                } else if (naming == Naming.ALL_REQUESTED) {
                    ArrayNode ids = r.putObject("data").putArray("seatIds");
                    for (int i : idx) {
                        ids.add(seatId(i));
                    }
                }
            }
        }
        out.put("lastSeq", orders.get());
        reply(ex, 200, out);
    }

    private void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (var os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
