package com.admitone.client.ui.offline;

import com.admitone.client.offline.OfflineAdmin;
import com.admitone.client.sync.ProblemMessages;
import com.admitone.client.sync.SyncEngine;
import com.admitone.client.ui.common.Tasks;
import com.admitone.model.offline.ConflictResolution;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * The conflicts inbox: provisional sales the server could not place, newest open ones first, and
 * the three ways to settle one (other seats, refund, mark resolved with a note). Refreshed from the
 * replica whenever the sync engine reports; every action runs in the background and ends in a
 * plain sentence.
 */
public final class ConflictsViewModel extends OfflineAdminViewModel {
    private final ObservableList<OfflineAdmin.ConflictRow> rows = FXCollections.observableArrayList();

    public ConflictsViewModel(OfflineAdmin admin, Executor background, SyncEngine engine, ProblemMessages problems) {
        super(admin, background, engine, problems);
    }

    @Override
    public void refresh() {
        Tasks.create(admin::conflicts).onSuccess(rows::setAll).runOn(background);
    }

    /** Settles {@code row}; {@code seatIds} for OTHER_SEATS, {@code note} for MARK_RESOLVED. */
    public void resolve(OfflineAdmin.ConflictRow row, ConflictResolution resolution, List<Long> seatIds, String note) {
        if (row == null) {
            say("Choose a conflict in the list first.");
            return;
        }
        send(() -> admin.resolve(row.id(), resolution, seatIds, note), switch (resolution) {
            case OTHER_SEATS -> "Done: the customer has the new seats. Print the tickets from Box office, Orders.";
            case REFUND -> "Done: the cancelled tickets are refunded. Pay the money back.";
            case MARK_RESOLVED -> "Done: marked as resolved with your note.";
        });
    }

    public ObservableList<OfflineAdmin.ConflictRow> rows() {
        return rows;
    }
}
