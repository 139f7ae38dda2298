package com.admitone.client.ui.shell;

import com.admitone.client.sync.SyncEngine;
import com.admitone.client.sync.SyncStatus;
import com.admitone.client.ui.common.Strings;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The status bar's texts. The sync engine reports on its own thread; this view model moves each
 * report to the JavaFX thread with {@link Platform#runLater} before touching a property.
 */
public final class StatusBarViewModel implements SyncStatus.Listener, AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Strings strings;
    private final SyncEngine engine;
    private final ZoneId zone;
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper anyRejected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper lastSync = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper cashier = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper("");

    public StatusBarViewModel(Strings strings, SyncEngine engine, String cashierName, String deviceName, ZoneId zone) {
        this.strings = strings;
        this.engine = engine;
        this.zone = zone;
        cashier.set(strings.format("status.cashier", cashierName));
        device.set(strings.format("status.device", deviceName));
        show(engine.status());
        engine.addListener(this);
    }

    @Override
    public void syncStatusChanged(SyncStatus status) {
        if (Platform.isFxApplicationThread()) {
            show(status);
        } else {
            Platform.runLater(() -> show(status));
        }
    }

    void show(SyncStatus status) {
        online.set(status.online());
        connection.set(!status.online() ? (status.nextTry() == null ? strings.get("status.offline")
                : strings.format("status.offline.retry", TIME.format(status.nextTry().atZone(zone))))
                : status.loggedIn() ? strings.get("status.online") : strings.get("status.notLoggedIn"));
        String waitingText = status.waiting() == 0 ? strings.get("status.waiting.none") : strings.format("status.waiting", status.waiting());
        if (status.rejected() > 0) {
            waitingText += " · " + strings.format("status.rejected", status.rejected());
        }
        waiting.set(waitingText);
        anyRejected.set(status.rejected() > 0);
        Instant at = status.lastSync();
        lastSync.set(at == null ? strings.get("status.lastSync.never") : strings.format("status.lastSync", TIME.format(at.atZone(zone))));
        lastError.set(status.lastError() == null ? "" : status.lastError());
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty anyRejectedProperty() {
        return anyRejected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSyncProperty() {
        return lastSync.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cashierProperty() {
        return cashier.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    @Override
    public void close() {
        engine.removeListener(this);
    }
}
