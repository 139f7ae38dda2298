package com.admitone.client.ui.offline;

import com.admitone.client.offline.OfflineAdmin;
import com.admitone.client.sync.ProblemMessages;
import com.admitone.client.sync.SyncEngine;
import com.admitone.client.ui.common.Tasks;
import com.admitone.model.sync.Commands;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The allotments screen: every device's leases, the devices and performances to lease to, and the
 * commands (lease, release, ask for a standing allotment for this computer), each ending in a plain
 * sentence once the server answered.
 */
public final class AllotmentsViewModel extends OfflineAdminViewModel {
    private final ObservableList<OfflineAdmin.AllotmentRow> rows = FXCollections.observableArrayList();
    private final ObservableList<OfflineAdmin.DeviceRow> devices = FXCollections.observableArrayList();
    private final ObservableList<OfflineAdmin.PerformanceRow> performances = FXCollections.observableArrayList();

    public AllotmentsViewModel(OfflineAdmin admin, Executor background, SyncEngine engine, ProblemMessages problems) {
        super(admin, background, engine, problems);
    }

    @Override
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
            say("Choose a performance and a device first.");
            return;
        }
        send(() -> admin.lease(performance.id(), device.id(), seats, areas, until),
                String.format("Leased %d seat(s) to %s until the deadline.", seats.size(), device.name()));
    }

    public void release(OfflineAdmin.AllotmentRow row) {
        if (row == null) {
            say("Choose an allotment in the list first.");
            return;
        }
        send(() -> admin.release(row.id()), "Released: the unsold seats are back on general sale.");
    }

    public void requestStanding(int seats, int days) {
        if (engine != null && !engine.status().online()) {
            say("A standing allotment needs the server: ask again when this computer is online.");
            return;
        }
        send(() -> admin.requestStanding(seats, 0, days),
                String.format("This computer now holds up to %d seat(s) of every performance in the next %d day(s).", seats, days));
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
}
