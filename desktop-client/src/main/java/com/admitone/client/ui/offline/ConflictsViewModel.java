package com.admitone.client.ui.offline;

import com.admitone.client.offline.OfflineAdmin;
import com.admitone.client.offline.OfflineSales;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.sync.ProblemMessages;
import com.admitone.client.sync.SyncEngine;
import com.admitone.client.sync.SyncStatus;
import com.admitone.client.ui.common.Tasks;
import com.admitone.model.offline.ConflictResolution;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The conflicts inbox: provisional sales the server could not place, newest open ones first, and
 * the three ways to settle one (other seats, refund, mark resolved with a note). Refreshed from the
 * replica whenever the sync engine reports; every action runs in the background and ends in a
 * plain sentence.
 */
public final class ConflictsViewModel implements SyncStatus.Listener, AutoCloseable {
    private final OfflineAdmin admin;
    private final Executor background;
    private final SyncEngine engine;
    private final ProblemMessages problems;
    private final ObservableList<OfflineAdmin.ConflictRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public ConflictsViewModel(OfflineAdmin admin, Executor background, SyncEngine engine, ProblemMessages problems) {
        this.admin = admin;
        this.background = background;
        this.engine = engine;
        this.problems = problems;
        if (engine != null) {
            engine.addListener(this);
        }
    }

    @Override
    public void syncStatusChanged(SyncStatus status) {
        Platform.runLater(this::refresh);
    }

    public void refresh() {
        Tasks.create(admin::conflicts).onSuccess(rows::setAll).runOn(background);
    }

    /** Settles {@code row}; {@code seatIds} for OTHER_SEATS, {@code note} for MARK_RESOLVED. */
    public void resolve(OfflineAdmin.ConflictRow row, ConflictResolution resolution, List<Long> seatIds, String note) {
        if (row == null) {
            message.set("Choose a conflict in the list first.");
            return;
        }
        message.set("Working…");
        Tasks.create(() -> {
                    OutboxItem item = admin.resolve(row.id(), resolution, seatIds, note);
                    return admin.await(item, Duration.ofSeconds(15));
                })
                .onSuccess(result -> {
                    if (result == null) {
                        message.set("Recorded; it is sent when the server can be reached.");
                    } else if (result.applied()) {
                        message.set(switch (resolution) {
                            case OTHER_SEATS -> "Done: the customer has the new seats. Print the tickets from Box office, Orders.";
                            case REFUND -> "Done: the cancelled tickets are refunded. Pay the money back.";
                            case MARK_RESOLVED -> "Done: marked as resolved with your note.";
                        });
                    } else {
                        message.set(problems.forCode(result.code(), result.message()));
                    }
                    refresh();
                })
                .onError(e -> message.set(e instanceof OfflineSales.RefusedException ? e.getMessage() : problems.sentence(e)))
                .runOn(background);
    }

    public ObservableList<OfflineAdmin.ConflictRow> rows() {
        return rows;
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
