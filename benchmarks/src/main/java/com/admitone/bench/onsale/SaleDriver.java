package com.admitone.bench.onsale;

import com.admitone.bench.common.HttpConnection;
import com.admitone.bench.common.Latencies;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.CommandBatch;
import com.admitone.model.sync.CommandEnvelope;
import com.admitone.model.sync.Commands;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one on-sale: every buyer at once picks adjacent free seats from the shared (possibly stale)
 * view, sends a {@code SellSeats} command to {@code POST /api/commands}, and on SEAT_TAKEN drops
 * the seats the refusal names from the view (or, if it names none, waits for a fresher seat map)
 * and tries again, until its party is seated or the house is sold out.
 *
 * <p>Buyers are not threads. A fixed number of connection threads, each with its own keep-alive
 * HTTP/1.1 connection, take buyers from one first-come-first-served queue: a waiting room. A buyer
 * chooses its seats when a connection takes it, from the view as it is then, and goes back to the
 * end of the queue for its next try. This keeps the driver cheap next to the server on a small
 * machine.
 */
final class SaleDriver {
    private static final int MAX_TRANSPORT_RETRIES = 5;
    private static final String COMMANDS = "/api/commands";

    private final SeatMap map;
    private final SeatView view;
    private final SnapshotRefresher refresher;
    private final ScheduledExecutorService timer;
    private final ObjectMapper json;
    private final ObjectWriter batchWriter;
    private final URI base;
    private final String token;
    private final Duration requestTimeout;
    private final ThreadPoolExecutor wire;
    private final ThreadLocal<HttpConnection> connection;
    private final ConcurrentLinkedQueue<HttpConnection> opened = new ConcurrentLinkedQueue<>();
    private final SaleLedger ledger = new SaleLedger();

    final Latencies latency = new Latencies();
    final Latencies wireLatency = new Latencies();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger rejectedSeatTaken = new AtomicInteger();
    final AtomicInteger transportRetries = new AtomicInteger();
    final AtomicInteger unresolved = new AtomicInteger();
    final AtomicInteger fallbacks = new AtomicInteger();
    final AtomicInteger waitedForSeatMap = new AtomicInteger();
    final Map<String, Integer> rejectedOther = new ConcurrentHashMap<>();
    final Map<Integer, Integer> httpErrors = new ConcurrentHashMap<>();
    final Map<Buyer.End, AtomicInteger> ends = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong firstRequestNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastSaleNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger active = new AtomicInteger();
    private final CompletableFuture<Void> allDone = new CompletableFuture<>();
    private volatile String firstProblem;
    private volatile long startNanos;
    private volatile long endNanos;

    SaleDriver(URI base, String token, int connections, SeatMap map, SeatView view, SnapshotRefresher refresher,
               ScheduledExecutorService timer, ObjectMapper json, Duration requestTimeout) {
        this.base = base;
        this.token = token;
        this.map = map;
        this.view = view;
        this.refresher = refresher;
        this.timer = timer;
        this.json = json;
        this.batchWriter = json.writerFor(CommandBatch.class);
        this.requestTimeout = requestTimeout;
        AtomicInteger n = new AtomicInteger();
        this.wire = new ThreadPoolExecutor(connections, connections, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "onsale-connection-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.connection = ThreadLocal.withInitial(() -> {
            HttpConnection c = new HttpConnection(this.base, this.requestTimeout).bearer(this.token);
            opened.add(c);
            return c;
        });
    }

    /** Starts every buyer at the same moment and waits until all have finished (or the timeout). */
    boolean run(List<Buyer> buyers, Duration timeout) throws InterruptedException {
        active.set(buyers.size());
        wire.prestartAllCoreThreads();
        refresher.start();
        startNanos = System.nanoTime();
        for (Buyer b : buyers) {
            queue(b, null, 0);
        }
        try {
            allDone.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            endNanos = System.nanoTime();
            refresher.stop();
            wire.shutdownNow();
            opened.forEach(HttpConnection::close); // unblocks any thread still waiting for an answer
            wire.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** One sale request: its seats and body, fixed once chosen (a re-send repeats both, key included). */
    private record Attempt(int[] seats, byte[] body) {
    }

    /**
     * Puts the buyer in the queue for a connection. A new attempt ({@code again} null) chooses its
     * seats only when a connection takes it; after a transport error the same attempt is re-sent
     * with the same idempotency key, as a client's outbox would. Latency counts from here, so the
     * wait for a connection is part of it.
     */
    private void queue(Buyer b, Attempt again, int retry) {
        long issued = System.nanoTime();
        try {
            wire.execute(() -> attempt(b, again, retry, issued));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            finish(b, Buyer.End.FAILED); // the sale was given up (timeout)
        }
    }

    private void attempt(Buyer b, Attempt again, int retry, long issued) {
        Attempt a;
        try {
            a = again != null ? again : choose(b);
        } catch (RuntimeException e) {
            problem("buyer " + b.id + ": " + e);
            finish(b, Buyer.End.FAILED);
            return;
        }
        if (a == null) {
            if (view.largestBlock() > 0) {
                queue(b, null, 0); // the view changed while choosing; choose again
            } else if (b.soldOutSeenAt >= 0 && view.snapshotNumber() > b.soldOutSeenAt) {
                finish(b, Buyer.End.SOLD_OUT); // a seat map fetched since says so too
            } else {
                // Nothing free as far as we know: make sure with a seat map fetched from now on.
                b.soldOutSeenAt = view.snapshotNumber();
                awaitFreshMap(b);
            }
            return;
        }
        if (again == null) {
            b.attempts++;
        }
        long sentAt = System.nanoTime();
        firstRequestNanos.accumulateAndGet(sentAt, Math::min);
        requests.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        HttpConnection.Response response;
        try {
            response = connection.get().post(COMMANDS, a.body());
        } catch (IOException | RuntimeException e) {
            inFlight.decrementAndGet();
            transportFailure(b, a, retry, "sale failed in transport: " + e);
            return;
        }
        inFlight.decrementAndGet();
        long now = System.nanoTime();
        if (response.status() >= 500 || response.status() == 429) {
            httpErrors.merge(response.status(), 1, Integer::sum);
            transportFailure(b, a, retry, "sale answered HTTP " + response.status() + ": " + abbreviate(response.text()));
            return;
        }
        latency.add(now - issued);
        wireLatency.add(now - sentAt);
        try {
            handle(b, a.seats(), response, now);
        } catch (RuntimeException e) {
            problem("buyer " + b.id + " could not read the answer HTTP " + response.status() + " "
                    + abbreviate(response.text()) + ": " + e);
            finish(b, Buyer.End.FAILED);
        }
    }

    private void transportFailure(Buyer b, Attempt a, int retry, String message) {
        problem(message);
        if (retry < MAX_TRANSPORT_RETRIES) {
            transportRetries.incrementAndGet();
            timer.schedule(() -> queue(b, a, retry + 1), 50L << retry, TimeUnit.MILLISECONDS);
        } else {
            unresolved.incrementAndGet();
            finish(b, Buyer.End.FAILED);
        }
    }

    /**
     * The buyer's seats for its next request, chosen from the view as it is now, or null when
     * there is nothing to choose (sold out, or the view changed under the choice).
     */
    private Attempt choose(Buyer b) {
        int want = b.remaining;
        int[] seats = view.pick(want, b.random);
        if (seats == null) {
            int largest = view.largestBlock();
            if (largest == 0) {
                return null;
            }
            seats = view.pick(Math.min(largest, want), b.random);
            if (seats == null) {
                return null;
            }
            fallbacks.incrementAndGet();
        }
        return new Attempt(seats, sellSeats(seats));
    }

    private byte[] sellSeats(int[] seats) {
        List<Commands.SaleLine> lines = new ArrayList<>(seats.length);
        long total = 0;
        PriceType priceType = PriceType.valueOf(map.priceType);
        for (int i : seats) {
            long price = map.priceMinor[i];
            total += price;
            lines.add(new Commands.SaleLine(UUID.randomUUID(), map.seatIds[i], null, priceType, price, 0, null));
        }
        long tendered = (total + 999) / 1000 * 1000; // the customer hands over round notes
        Commands.PaymentLine cash = new Commands.PaymentLine(UUID.randomUUID(), PaymentMethod.CASH, total, null,
                tendered);
        Commands.SellSeats sell = new Commands.SellSeats(UUID.randomUUID(), map.performanceId, null, lines,
                List.of(cash), null, 0, null);
        CommandBatch batch = new CommandBatch(List.of(new CommandEnvelope(UUID.randomUUID(), Instant.now(), sell)));
        try {
            return batchWriter.writeValueAsBytes(batch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "..." : text;
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(Buyer b, int[] seats, HttpConnection.Response response, long now) throws RuntimeException {
        JsonNode result = null;
        if (response.status() == 200) {
            try {
                result = json.readTree(response.body()).path("results").path(0);
            } catch (IOException e) {
                result = null;
            }
        }
        if (result == null || result.isMissingNode()) {
            httpErrors.merge(response.status(), 1, Integer::sum);
            problem("sale answered HTTP " + response.status() + ": " + abbreviate(response.text()));
            finish(b, Buyer.End.FAILED);
            return;
        }
        String status = result.path("status").asText();
        String code = result.path("code").asText("");
        if ("APPLIED".equals(status)) {
            view.markConfirmed(seats);
            JsonNode data = result.path("data");
            ledger.confirm(new SaleLedger.Sale(b.id, seats, data.path("orderNumber").asText(""),
                    data.path("tickets").size()));
            lastSaleNanos.accumulateAndGet(now, Math::max);
            b.orders++;
            b.remaining -= seats.length;
            if (b.remaining > 0) {
                queue(b, null, 0);
            } else {
                finish(b, Buyer.End.SATISFIED);
            }
        } else if ("SEAT_TAKEN".equals(code)) {
            rejectedSeatTaken.incrementAndGet();
            int[] named = takenSeats(result.path("data").path("seatIds"), seats);
            if (named.length > 0) {
                // The refusal says which of the seats went: drop them from the view, choose again.
                view.markNamed(named);
                queue(b, null, 0);
            } else {
                // It does not say: wait for a seat map fetched after the refusal.
                waitedForSeatMap.incrementAndGet();
                awaitFreshMap(b);
            }
        } else {
            rejectedOther.merge(status + (code.isEmpty() ? "" : " " + code), 1, Integer::sum);
            problem("sale " + status + " " + code + ": " + result);
            finish(b, Buyer.End.FAILED);
        }
    }

    private void awaitFreshMap(Buyer b) {
        refresher.awaitFresh().whenComplete((ok, e) -> {
            if (e != null) {
                problem("no fresh seat map: " + e);
                finish(b, Buyer.End.FAILED);
            } else {
                queue(b, null, 0);
            }
        });
    }

    /** The seats a SEAT_TAKEN refusal names, as indices, keeping only seats of the refused order. */
    private int[] takenSeats(JsonNode ids, int[] requested) {
        int[] out = new int[ids.size()];
        int n = 0;
        for (JsonNode id : ids) {
            int i = map.indexOf(id.asLong());
            for (int r : requested) {
                if (r == i) {
                    out[n++] = i;
                    break;
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private void finish(Buyer b, Buyer.End end) {
        b.end = end;
        ends.computeIfAbsent(end, k -> new AtomicInteger()).incrementAndGet();
        if (active.decrementAndGet() == 0) {
            allDone.complete(null);
        }
    }

    private void problem(String message) {
        if (firstProblem == null) {
            firstProblem = message.length() > 600 ? message.substring(0, 600) + "..." : message;
        }
    }

    SaleLedger ledger() {
        return ledger;
    }

    String firstProblem() {
        return firstProblem;
    }

    int ended(Buyer.End end) {
        AtomicInteger n = ends.get(end);
        return n == null ? 0 : n.get();
    }

    /** Seconds from the first request to the last confirmed sale (NaN if nothing sold). */
    double saleWindowSeconds() {
        long first = firstRequestNanos.get();
        long last = lastSaleNanos.get();
        return last == Long.MIN_VALUE || first == Long.MAX_VALUE ? Double.NaN : (last - first) / 1e9;
    }

    /** Seconds from the start until every buyer had finished. */
    double durationSeconds() {
        return (endNanos - startNanos) / 1e9;
    }

    Map<String, Integer> rejectedOtherSorted() {
        return new TreeMap<>(rejectedOther);
    }
}
