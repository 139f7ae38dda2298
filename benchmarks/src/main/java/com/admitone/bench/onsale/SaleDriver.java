package com.admitone.bench.onsale;

import com.admitone.bench.common.ApiClient;
import com.admitone.bench.common.AsyncLimiter;
import com.admitone.bench.common.Latencies;
import com.admitone.model.order.PaymentMethod;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.CommandBatch;
import com.admitone.model.sync.CommandEnvelope;
import com.admitone.model.sync.Commands;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one on-sale: every buyer at once picks adjacent free seats from the shared (possibly stale)
 * view, sends a {@code SellSeats} command to {@code POST /api/commands}, and on SEAT_TAKEN drops
 * the seats the refusal names from the view (or, if it names none, waits for a fresher seat map)
 * and tries again, until its party is seated or the house is sold out.
 * Buyers are callbacks, not threads: the driver stays cheap next to the server on a small machine.
 */
final class SaleDriver {
    private static final int MAX_TRANSPORT_RETRIES = 5;
    private static final String COMMANDS = "/api/commands";

    private final ApiClient api;
    private final SeatMap map;
    private final SeatView view;
    private final SnapshotRefresher refresher;
    private final AsyncLimiter limiter;
    private final ExecutorService executor;
    private final ScheduledExecutorService timer;
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
    private final AtomicLong firstRequestNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastSaleNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger active = new AtomicInteger();
    private final CompletableFuture<Void> allDone = new CompletableFuture<>();
    private volatile String firstProblem;
    private volatile long startNanos;
    private volatile long endNanos;

    SaleDriver(ApiClient api, SeatMap map, SeatView view, SnapshotRefresher refresher, AsyncLimiter limiter,
               ExecutorService executor, ScheduledExecutorService timer) {
        this.api = api;
        this.map = map;
        this.view = view;
        this.refresher = refresher;
        this.limiter = limiter;
        this.executor = executor;
        this.timer = timer;
    }

    /** Starts every buyer at the same moment and waits until all have finished (or the timeout). */
    boolean run(List<Buyer> buyers, Duration timeout) throws InterruptedException {
        active.set(buyers.size());
        refresher.start();
        startNanos = System.nanoTime();
        for (Buyer b : buyers) {
            executor.execute(() -> step(b));
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
        }
    }

    private void step(Buyer b) {
        try {
            int want = b.remaining;
            int[] seats = view.pick(want, b.random);
            if (seats == null) {
                int largest = view.largestBlock();
                if (largest == 0) {
                    finish(b, Buyer.End.SOLD_OUT);
                    return;
                }
                seats = view.pick(Math.min(largest, want), b.random);
                if (seats == null) { // the view changed under us; look again
                    executor.execute(() -> step(b));
                    return;
                }
                fallbacks.incrementAndGet();
            }
            send(b, seats, sellSeats(seats), 0);
        } catch (RuntimeException e) {
            problem("buyer " + b.id + ": " + e);
            finish(b, Buyer.End.FAILED);
        }
    }

    private byte[] sellSeats(int[] seats) {
        List<Commands.SaleLine> lines = new ArrayList<>(seats.length);
        long total = 0;
        for (int i : seats) {
            long price = map.priceMinor[i];
            total += price;
            lines.add(new Commands.SaleLine(UUID.randomUUID(), map.seatIds[i], null, PriceType.valueOf(map.priceType),
                    price, 0, null));
        }
        long tendered = (total + 999) / 1000 * 1000; // the customer hands over round notes
        Commands.PaymentLine cash = new Commands.PaymentLine(UUID.randomUUID(), PaymentMethod.CASH, total, null,
                tendered);
        Commands.SellSeats sell = new Commands.SellSeats(UUID.randomUUID(), map.performanceId, null, lines,
                List.of(cash), null, 0, null);
        CommandBatch batch = new CommandBatch(List.of(new CommandEnvelope(UUID.randomUUID(), Instant.now(), sell)));
        try {
            return api.json().writeValueAsBytes(batch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends (or, after a transport error, re-sends with the same idempotency key) one sale. */
    private void send(Buyer b, int[] seats, byte[] body, int retry) {
        long issued = System.nanoTime();
        firstRequestNanos.accumulateAndGet(issued, Math::min);
        requests.incrementAndGet();
        if (retry == 0) {
            b.attempts++;
        }
        long[] sentAt = new long[1];
        limiter.submit(() -> {
            sentAt[0] = System.nanoTime();
            return api.postAsync(COMMANDS, body);
        }).whenCompleteAsync((response, error) -> {
            long now = System.nanoTime();
            if (error != null || response.status() >= 500 || response.status() == 429) {
                if (error == null) {
                    httpErrors.merge(response.status(), 1, Integer::sum);
                    problem("sale answered " + response.describe());
                } else {
                    problem("sale failed in transport: " + error);
                }
                if (retry < MAX_TRANSPORT_RETRIES) {
                    transportRetries.incrementAndGet();
                    timer.schedule(() -> executor.execute(() -> send(b, seats, body, retry + 1)),
                            50L << retry, TimeUnit.MILLISECONDS);
                } else {
                    unresolved.incrementAndGet();
                    finish(b, Buyer.End.FAILED);
                }
                return;
            }
            latency.add(now - issued);
            wireLatency.add(now - sentAt[0]);
            try {
                handle(b, seats, response, now);
            } catch (RuntimeException e) {
                problem("buyer " + b.id + " could not read the answer " + response.describe() + ": " + e);
                finish(b, Buyer.End.FAILED);
            }
        }, executor);
    }

    private void handle(Buyer b, int[] seats, ApiClient.Response response, long now) {
        JsonNode result = response.body() == null ? null : response.body().path("results").path(0);
        if (response.status() != 200 || result == null || result.isMissingNode()) {
            httpErrors.merge(response.status(), 1, Integer::sum);
            problem("sale answered " + response.describe());
            finish(b, Buyer.End.FAILED);
            return;
        }
        String status = result.path("status").asText();
        String code = result.path("code").asText("");
        if ("APPLIED".equals(status)) {
            view.markTaken(seats);
            JsonNode data = result.path("data");
            ledger.confirm(new SaleLedger.Sale(b.id, seats, data.path("orderNumber").asText(""),
                    data.path("tickets").size()));
            lastSaleNanos.accumulateAndGet(now, Math::max);
            b.orders++;
            b.remaining -= seats.length;
            if (b.remaining > 0) {
                step(b);
            } else {
                finish(b, Buyer.End.SATISFIED);
            }
        } else if ("SEAT_TAKEN".equals(code)) {
            rejectedSeatTaken.incrementAndGet();
            int[] named = takenSeats(result.path("data").path("seatIds"), seats);
            if (named.length > 0 && (named.length < seats.length || seats.length == 1)) {
                // The refusal says which of the seats went: drop them from the view, choose again.
                view.markTaken(named);
                step(b);
            } else {
                // It names none, or every seat of a group, which is not taken at its word (a server that
                // looks at the seats after its partial update can name seats that were free): wait for
                // a seat map fetched after the refusal.
                waitedForSeatMap.incrementAndGet();
                refresher.awaitFresh().whenCompleteAsync((ok, e) -> {
                    if (e != null) {
                        problem("no fresh seat map: " + e);
                        finish(b, Buyer.End.FAILED);
                    } else {
                        step(b);
                    }
                }, executor);
            }
        } else {
            rejectedOther.merge(status + (code.isEmpty() ? "" : " " + code), 1, Integer::sum);
            problem("sale " + status + " " + code + ": " + result);
            finish(b, Buyer.End.FAILED);
        }
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
