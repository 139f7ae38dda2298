package com.admitone.client.ui.sync;

import com.admitone.client.ClientServices;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.sync.ProblemException;
import com.admitone.client.sync.ServerApi;
import com.admitone.client.sync.SyncEngine;
import com.admitone.client.sync.SyncStatus;
import com.admitone.client.ui.common.Strings;
import com.admitone.client.ui.common.Tasks;
import com.admitone.model.auth.Role;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The Sync & devices view's data: the outbox, newest and troubled first, with each refusal's
 * reason in plain words; and, for managers, the venue's devices. Refreshed in the background
 * whenever the sync engine reports.
 */
public final class OutboxViewModel implements SyncStatus.Listener, AutoCloseable {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss");

    /** One outbox line as shown. */
    public record OutboxRow(String created, String type, String state, OutboxItem.Status status, int attempts, String reason) {
    }

    /** One device as shown. */
    public record DeviceRow(String name, String status, String lastSeen, String skew) {
    }

    private final ClientServices services;
    private final Strings strings;
    private final Role role;
    private final ZoneId zone;
    private final SyncEngine engine;
    private final ObservableList<OutboxRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper cursor = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper retry = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper devicesNote = new ReadOnlyStringWrapper("");

    public OutboxViewModel(ClientServices services, Strings strings, Role role, ZoneId zone) {
        this.services = services;
        this.strings = strings;
        this.role = role;
        this.zone = zone;
        this.engine = services.connection().engine();
        engine.addListener(this);
        refreshDevices();
    }

    @Override
    public void syncStatusChanged(SyncStatus status) {
        Platform.runLater(() -> {
            cursor.set(strings.format("sync.cursor", status.appliedSeq(), status.latestSeen()));
            // Backoff made visible: how often it failed and when it tries again.
            retry.set(status.nextTry() == null ? "" : strings.format("sync.retry", status.failures(),
                    WHEN.format(status.nextTry().atZone(zone))) + (status.lastError() == null ? "" : " " + status.lastError()));
            refresh();
        });
    }

    public void refresh() {
        Tasks.create(() -> services.outbox().recent(500).stream().map(this::row).toList())
                .onSuccess(rows::setAll)
                .runOn(services.background());
    }

    public void refreshDevices() {
        if (role != Role.ADMIN && role != Role.MANAGER) {
            devicesNote.set(strings.get("sync.devices.managersOnly"));
            return;
        }
        ServerApi api = services.connection().api();
        Tasks.create(api::devices)
                .onSuccess(list -> {
                    devicesNote.set("");
                    devices.setAll(list.stream().map(this::deviceRow).toList());
                })
                .onError(e -> devicesNote.set(e instanceof ProblemException ? services.problems().sentence(e)
                        : strings.get("sync.devices.offline")))
                .runOn(services.background());
    }

    public void syncNow() {
        engine.requestSync();
        refreshDevices();
    }

    private OutboxRow row(OutboxItem item) {
        String reason = switch (item.status()) {
            case REJECTED -> services.problems().forCode(item.resultCode(), item.resultMessage())
                    + (item.resultMessage() == null ? "" : " (" + item.resultMessage() + ")");
            case PENDING, SENT -> item.lastError() == null ? "" : item.lastError();
            case APPLIED -> appliedNote(item);
        };
        return new OutboxRow(when(item.created()), plainType(item.commandType()), strings.get("sync.state." + item.status().name()),
                item.status(), item.attempts(), reason);
    }

    /** For an offline sale, what sync made of it; a conflict is applied but needs staff. */
    private String appliedNote(OutboxItem item) {
        if (!"SellOffline".equals(item.commandType())) {
            return "";
        }
        Object outcome = services.outbox().resultData(item).get("outcome");
        if (outcome == null) {
            return "";
        }
        return switch (outcome.toString()) {
            case "GUARANTEED" -> "Guaranteed: sold from this computer's allotment.";
            case "ACCEPTED" -> "Accepted: the seats were still free.";
            case "MOVED" -> "Moved to equivalent seats: reprint the tickets.";
            case "CONFLICT" -> "Conflict: some seats could not be placed; see Conflicts.";
            default -> outcome.toString();
        };
    }

    private static String plainType(String type) {
        return switch (type) {
            case "SellSeats" -> "Sale";
            case "SellOffline" -> "Offline sale";
            case "RefundTickets" -> "Refund";
            case "HoldSeats" -> "Hold";
            case "ReleaseHold" -> "Release hold";
            case "RecordScans" -> "Gate scans";
            case "AllotSeats" -> "Allotment";
            case "ReleaseAllotment" -> "Release allotment";
            case "RequestStandingAllotment" -> "Standing allotment";
            case "ResolveConflict" -> "Conflict settled";
            default -> type;
        };
    }

    public ReadOnlyStringProperty retryProperty() {
        return retry.getReadOnlyProperty();
    }

    private DeviceRow deviceRow(ServerApi.DeviceInfo d) {
        String skew = d.lastSkewMillis() == null ? "" : skewText(d.lastSkewMillis(), d.clockSkewLarge());
        return new DeviceRow(d.name(), d.status(), when(d.lastSeenAt()), skew);
    }

    /** "+0.3 s", or for a clock off by more than a minute "CLOCK WRONG: 10 min 2 s ahead" so a manager fixes it. */
    static String skewText(long millis, boolean large) {
        if (!large) {
            return String.format(java.util.Locale.ROOT, "%+.1f s", millis / 1000.0);
        }
        long seconds = Math.abs(millis) / 1000;
        String amount = seconds >= 3600 ? String.format("%d h %d min", seconds / 3600, seconds % 3600 / 60)
                : String.format("%d min %d s", seconds / 60, seconds % 60);
        return "CLOCK WRONG: " + amount + (millis > 0 ? " ahead" : " behind");
    }

    private String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    public ObservableList<OutboxRow> rows() {
        return rows;
    }

    public ObservableList<DeviceRow> devices() {
        return devices;
    }

    public ReadOnlyStringProperty cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty devicesNoteProperty() {
        return devicesNote.getReadOnlyProperty();
    }

    public static List<OutboxItem.Status> troubled() {
        return List.of(OutboxItem.Status.REJECTED);
    }

    @Override
    public void close() {
        engine.removeListener(this);
    }
}
