package com.admitone.client.ui.offline;

import com.admitone.client.offline.OfflineAdmin;
import com.admitone.client.offline.OfflineSales;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.sync.ProblemMessages;
import com.admitone.client.sync.SyncEngine;
import com.admitone.client.sync.SyncStatus;
import com.admitone.client.ui.common.Tasks;
import com.admitone.model.sync.Commands;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * The allotments screen: every device's leases, the devices and performances to lease to, and the
 * commands (lease, release, ask for a standing allotment for this computer), each ending in a plain
 * sentence once the server answered.
 */
public final class AllotmentsViewModel implements SyncStatus.Listener, AutoCloseable {
    private final OfflineAdmin admin;
    private final Executor background;
    private final SyncEngine engine;
    private final ProblemMessages problems;
    private final ObservableList<OfflineAdmin.AllotmentRow> rows = FXCollections.observableArrayList();
    private final ObservableList<OfflineAdmin.DeviceRow> devices = FXCollections.observableArrayList();
    private final ObservableList<OfflineAdmin.PerformanceRow> performances = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public AllotmentsViewModel(OfflineAdmin admin, Executor background, SyncEngine engine, ProblemMessages problems) {
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
        Tasks.create(() -> new Object[]{admin.allotments(), admin.devices(), admin.performances()})
                .onSuccess(r -> {
                    @SuppressWarnings("unchecked") List<OfflineAdmin.AllotmentRow> a = (List<OfflineAdmin.AllotmentRow>) r[0];
                    @SuppressWarnings("unchecked") List<OfflineAdmin.DeviceRow> d = (List<OfflineAdmin.DeviceRow>) r[1];
                    @SuppressWarnings("unchecked") List<OfflineAdmin.PerformanceRow> p = (List<OfflineAdmin.PerformanceRow>) r[2];
                    rows.setAll(a);
                    if (!devices.equals(d)) {
                        devices.setAll(d);
                    }
                    if (!performances.equals(p)) {
                        performances.setAll(p);
                    }
                })
                .runOn(background);
    }

    public void lease(OfflineAdmin.PerformanceRow performance, OfflineAdmin.DeviceRow device, List<Long> seats,
                      List<Commands.AreaQuantity> areas, Instant until) {
        if (performance == null || device == null) {
            message.set("Choose a performance and a device first.");
            return;
        }
        run(() -> admin.lease(performance.id(), device.id(), seats, areas, until),
                String.format("Leased %d seat(s) to %s until the deadline.", seats.size(), device.name()));
    }

    public void release(OfflineAdmin.AllotmentRow row) {
        if (row == null) {
            message.set("Choose an allotment in the list first.");
            return;
        }
        run(() -> admin.release(row.id()), "Released: the unsold seats are back on general sale.");
    }

    public void requestStanding(int seats, int days) {
        if (engine != null && !engine.status().online()) {
            message.set("A standing allotment needs the server: ask again when this computer is online.");
            return;
        }
        run(() -> admin.requestStanding(seats, 0, days),
                String.format("This computer now holds up to %d seat(s) of every performance in the next %d day(s).", seats, days));
    }

    private void run(Callable<OutboxItem> command, String done) {
        message.set("Working…");
        Tasks.create(() -> admin.await(command.call(), Duration.ofSeconds(15)))
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

    public ObservableList<OfflineAdmin.AllotmentRow> rows() {
        return rows;
    }

    public ObservableList<OfflineAdmin.DeviceRow> devices() {
        return devices;
    }

    public ObservableList<OfflineAdmin.PerformanceRow> performances() {
        return performances;
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
