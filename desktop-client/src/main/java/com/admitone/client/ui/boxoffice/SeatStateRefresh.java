package com.admitone.client.ui.boxoffice;

import com.admitone.client.sales.Counter;
import javafx.application.Platform;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Keeps a screen's seat map in step with the replica: after a write (a pulled page, another
 * counter's sale) the shown performance's seat states are read again on the background executor,
 * at most one read queued at a time however many writes arrive, and handed to the screen on the
 * JavaFX thread if that performance is still shown. The sale screen and the exchange pane share it.
 */
final class SeatStateRefresh {
    private final Counter counter;
    private final Executor background;
    private final Consumer<Counter.Snapshot> apply;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile long shown = -1;

    SeatStateRefresh(Counter counter, Executor background, Consumer<Counter.Snapshot> apply) {
        this.counter = counter;
        this.background = background;
        this.apply = apply;
    }

    /** The performance now on screen; -1 for none. */
    void show(long performanceId) {
        shown = performanceId;
    }

    /** Reads the shown performance's seat states again, off the JavaFX thread; callable from any thread. */
    void refresh() {
        long id = shown;
        if (id < 0 || !queued.compareAndSet(false, true)) {
            return;
        }
        background.execute(() -> {
            queued.set(false);
            try {
                Counter.Snapshot snapshot = counter.snapshot(id);
                Platform.runLater(() -> {
                    if (shown == id) {
                        apply.accept(snapshot);
                    }
                });
            } catch (RuntimeException e) {
                // the next write tries again
            }
        });
    }
}
