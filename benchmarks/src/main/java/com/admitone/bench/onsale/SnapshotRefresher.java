package com.admitone.bench.onsale;

import java.util.ArrayList;
import java.util.List;
import com.admitone.bench.common.HttpConnection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refreshes the shared seat-map snapshot: every {@code periodMillis} while a sale runs (0: never
 * by itself), and on demand. A buyer that needs news asks for a snapshot fetched <em>after</em> its
 * request; everyone asking while a fetch is on its way shares the next one, only one fetch is ever
 * in flight, and fetches start at least {@link #MIN_GAP_MILLIS} apart, so a thousand buyers cost a
 * handful of {@code GET .../seats}, not a thousand. (A seat map is one of the dearer requests for
 * the server: 800 seats.)
 */
final class SnapshotRefresher {
    /** Fetches the seat map document ({@code GET /api/performances/{id}/seats}), blocking. */
    interface Fetcher {
        JsonNode fetch() throws Exception;

        /** {@code GET path} over {@code connection}, which only the refresher uses. */
        static Fetcher overHttp(HttpConnection connection, String path, ObjectMapper json) {
            return () -> {
                HttpConnection.Response r = connection.get(path);
                if (r.status() != 200) {
                    throw new java.io.IOException("GET " + path + " answered HTTP " + r.status() + ": " + r.text());
                }
                return json.readTree(r.body());
            };
        }
    }

    private final Fetcher fetcher;
    private final ExecutorService fetchThread;
    private final SeatMap map;
    private final SeatView view;
    private final ScheduledExecutorService timer;
    static final long MIN_GAP_MILLIS = 20;

    private final long minIntervalNanos = TimeUnit.MILLISECONDS.toNanos(MIN_GAP_MILLIS);
    private final long periodMillis;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private boolean busy; // a fetch is scheduled or in flight
    private long lastStart = Long.MIN_VALUE / 2;
    private volatile String lastFailure;
    private java.util.concurrent.ScheduledFuture<?> periodic;

    SnapshotRefresher(Fetcher fetcher, SeatMap map, SeatView view, ScheduledExecutorService timer,
                      long periodMillis) {
        this.fetcher = fetcher;
        this.fetchThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "onsale-seat-map");
            t.setDaemon(true);
            return t;
        });
        this.map = map;
        this.view = view;
        this.timer = timer;
        this.periodMillis = periodMillis;
    }

    /** Refreshes every {@code periodMillis} (if positive) until {@link #stop()}. */
    synchronized void start() {
        if (periodMillis > 0) {
            periodic = timer.scheduleWithFixedDelay(this::awaitFresh, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    synchronized void stop() {
        if (periodic != null) {
            periodic.cancel(false);
        }
        fetchThread.shutdown();
    }

    /** Completes once a snapshot whose fetch started after this call has been installed. */
    CompletableFuture<Void> awaitFresh() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        synchronized (this) {
            waiting.add(f);
            if (!busy) {
                busy = true;
                scheduleLocked();
            }
        }
        return f;
    }

    private void scheduleLocked() {
        long delay = Math.max(0, lastStart + minIntervalNanos - System.nanoTime());
        timer.schedule(this::fetch, delay, TimeUnit.NANOSECONDS);
    }

    private void fetch() {
        List<CompletableFuture<Void>> covered;
        long started;
        synchronized (this) {
            covered = waiting;
            waiting = new ArrayList<>();
            started = System.nanoTime();
            lastStart = started;
        }
        fetches.incrementAndGet();
        CompletableFuture.supplyAsync(() -> {
            try {
                return fetcher.fetch();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, fetchThread).whenComplete((doc, error) -> {
            boolean installed = false;
            if (error == null && doc != null) {
                view.install(map.freeFlags(doc), started);
                installed = true;
            } else {
                failures.incrementAndGet();
                lastFailure = String.valueOf(error);
                if (failures.get() > 1000) { // the server is gone: stop asking
                    covered.forEach(c -> c.completeExceptionally(new IllegalStateException(lastFailure)));
                    return;
                }
            }
            synchronized (this) {
                if (!installed) {
                    covered.addAll(waiting); // try again for everyone
                    waiting = covered;
                }
                if (waiting.isEmpty()) {
                    busy = false;
                } else {
                    scheduleLocked();
                }
            }
            if (installed) {
                covered.forEach(c -> c.complete(null));
            }
        });
    }

    int fetches() {
        return fetches.get();
    }

    int failures() {
        return failures.get();
    }

    String lastFailure() {
        return lastFailure;
    }
}
