package com.admitone.client.ui.sync;

import com.admitone.client.ui.common.Strings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import java.util.function.Function;

/** The Sync & devices view: the outbox table (refusals highlighted), the devices table, "Sync now". */
public final class SyncController {
    private static final PseudoClass REJECTED = PseudoClass.getPseudoClass("rejected");
    private static final PseudoClass WAITING = PseudoClass.getPseudoClass("waiting");

    private final OutboxViewModel model;
    private final Strings strings;

    @FXML
    private TableView<OutboxViewModel.OutboxRow> outboxTable;
    @FXML
    private TableColumn<OutboxViewModel.OutboxRow, String> createdColumn;
    @FXML
    private TableColumn<OutboxViewModel.OutboxRow, String> typeColumn;
    @FXML
    private TableColumn<OutboxViewModel.OutboxRow, String> stateColumn;
    @FXML
    private TableColumn<OutboxViewModel.OutboxRow, String> attemptsColumn;
    @FXML
    private TableColumn<OutboxViewModel.OutboxRow, String> reasonColumn;
    @FXML
    private TableView<OutboxViewModel.DeviceRow> devicesTable;
    @FXML
    private TableColumn<OutboxViewModel.DeviceRow, String> deviceNameColumn;
    @FXML
    private TableColumn<OutboxViewModel.DeviceRow, String> deviceStatusColumn;
    @FXML
    private TableColumn<OutboxViewModel.DeviceRow, String> deviceSeenColumn;
    @FXML
    private TableColumn<OutboxViewModel.DeviceRow, String> deviceSkewColumn;
    @FXML
    private Label cursorLabel;
    @FXML
    private Label retryLabel;
    private final Label devicesNote = new Label();

    public SyncController(OutboxViewModel model, Strings strings) {
        this.model = model;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        outboxTable.setItems(model.rows());
        outboxTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        devicesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        outboxTable.setPlaceholder(new Label(strings.get("sync.outbox.empty")));
        bind(createdColumn, OutboxViewModel.OutboxRow::created);
        bind(typeColumn, OutboxViewModel.OutboxRow::type);
        bind(stateColumn, OutboxViewModel.OutboxRow::state);
        bind(attemptsColumn, r -> Integer.toString(r.attempts()));
        bind(reasonColumn, OutboxViewModel.OutboxRow::reason);
        reasonColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
            }
        });
        outboxTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(OutboxViewModel.OutboxRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(REJECTED, !empty && row != null && row.status() == com.admitone.client.store.OutboxItem.Status.REJECTED);
                pseudoClassStateChanged(WAITING, !empty && row != null && (row.status() == com.admitone.client.store.OutboxItem.Status.PENDING
                        || row.status() == com.admitone.client.store.OutboxItem.Status.SENT));
            }
        });
        devicesTable.setItems(model.devices());
        devicesTable.setPlaceholder(devicesNote);
        bind(deviceNameColumn, OutboxViewModel.DeviceRow::name);
        bind(deviceStatusColumn, OutboxViewModel.DeviceRow::status);
        bind(deviceSeenColumn, OutboxViewModel.DeviceRow::lastSeen);
        bind(deviceSkewColumn, OutboxViewModel.DeviceRow::skew);
        devicesNote.textProperty().bind(model.devicesNoteProperty());
        cursorLabel.textProperty().bind(model.cursorProperty());
        retryLabel.textProperty().bind(model.retryProperty());
        model.refresh();
    }

    private static <R> void bind(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    @FXML
    private void syncNow() {
        model.syncNow();
    }
}
