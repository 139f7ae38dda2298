package com.admitone.bench.onsale;

import com.admitone.bench.common.ApiClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refreshes the shared seat-map snapshot: every {@code intervalMillis} while a sale runs, and on
 * demand. A buyer that needs news asks for a snapshot fetched <em>after</em> its request; everyone
 * asking while a fetch is on its way shares the next one, only one fetch is ever in flight, and
 * fetches start at most once per {@code intervalMillis}, so a thousand buyers cost a handful of
 * {@code GET .../seats}, not a thousand.
 */
final class SnapshotRefresher {
    private final ApiClient api;
    private final SeatMap map;
    private final SeatView view;
    private final ScheduledExecutorService timer;
    private final long minIntervalNanos;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();

    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private boolean busy; // a fetch is scheduled or in flight
    private long lastStart = Long.MIN_VALUE / 2;
    private volatile String lastFailure;
    private java.util.concurrent.ScheduledFuture<?> periodic;

    SnapshotRefresher(ApiClient api, SeatMap map, SeatView view, ScheduledExecutorService timer,
                      long minIntervalMillis) {
        this.api = api;
        this.map = map;
        this.view = view;
        this.timer = timer;
        this.minIntervalNanos = TimeUnit.MILLISECONDS.toNanos(minIntervalMillis);
    }

    /** Refreshes every {@code intervalMillis} until {@link #stop()}. */
    synchronized void start() {
        long period = Math.max(1, minIntervalNanos / 1_000_000);
        periodic = timer.scheduleWithFixedDelay(this::awaitFresh, period, period, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (periodic != null) {
            periodic.cancel(false);
        }
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
        synchronized (this) {
            covered = waiting;
            waiting = new ArrayList<>();
            lastStart = System.nanoTime();
        }
        fetches.incrementAndGet();
        api.getAsync("/api/performances/" + map.performanceId + "/seats").whenComplete((r, error) -> {
            boolean installed = false;
            if (error == null && r.ok() && r.body() != null) {
                view.install(map.freeFlags(r.body()));
                installed = true;
            } else {
                failures.incrementAndGet();
                lastFailure = error != null ? error.toString() : r.describe();
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
