package com.admitone.client.ui.offline;

import com.admitone.client.offline.OfflineAdmin;
import com.admitone.client.offline.OfflineSales;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.sync.ProblemMessages;
import com.admitone.client.sync.SyncEngine;
import com.admitone.client.sync.SyncStatus;
import com.admitone.client.ui.common.Tasks;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * What the allotments and conflicts screens have in common: their rows are read from the replica
 * again whenever the sync engine reports, and each command they send to the server through the
 * outbox ends in one plain sentence (done, queued while offline, or the server's refusal).
 * Subclasses say which rows they read and which commands they offer.
 */
public abstract sealed class OfflineAdminViewModel implements SyncStatus.Listener, AutoCloseable
        permits AllotmentsViewModel, ConflictsViewModel {
    /** How long a command waits for the server's answer before it is reported as queued. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(15);

    protected final OfflineAdmin admin;
    protected final Executor background;
    protected final SyncEngine engine;
    private final ProblemMessages problems;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    OfflineAdminViewModel(OfflineAdmin admin, Executor background, SyncEngine engine, ProblemMessages problems) {
        this.admin = admin;
        this.background = background;
        this.engine = engine;
        this.problems = problems;
        if (engine != null) {
            engine.addListener(this);
        }
    }

    /** Reads the rows from the replica off the JavaFX thread and shows them. */
    public abstract void refresh();

    @Override
    public void syncStatusChanged(SyncStatus status) {
        // A pull may have changed the rows; the engine reports on its own thread.
        Platform.runLater(this::refresh);
    }

    /** Shows {@code text} as the screen's message, e.g. why a command was not sent. */
    protected void say(String text) {
        message.set(text);
    }

    /**
     * Records {@code command} (it returns its outbox item) in the background, waits for the server's
     * answer, says {@code done} if it was applied, and reads the rows again either way.
     */
    protected void send(Callable<OutboxItem> command, String done) {
        message.set("Working…");
        Tasks.create(() -> admin.await(command.call(), ANSWER_WAIT))
                .onSuccess(result -> {
                    if (result == null) {
                        message.set("Recorded; it is sent when the server can be reached.");
                    } else if (result.applied()) {
                        message.set(done);
                    } else {
                        message.set(problems.forCode(result.code(), result.message()));
                    }
                    refresh();
                })
                .onError(e -> message.set(e instanceof OfflineSales.RefusedException ? e.getMessage() : problems.sentence(e)))
                .runOn(background);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String deviceId() {
        return admin.deviceId();
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.removeListener(this);
        }
    }
}
