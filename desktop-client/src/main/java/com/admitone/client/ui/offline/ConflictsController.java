package com.admitone.client.ui.offline;

import com.admitone.client.offline.OfflineAdmin;
import com.admitone.client.sales.Counter;
import com.admitone.client.ui.boxoffice.seatmap.SeatMapView;
import com.admitone.client.ui.boxoffice.seatmap.SeatStatus;
import com.admitone.client.ui.common.ChoiceText;
import com.admitone.client.ui.common.Strings;
import com.admitone.model.offline.ConflictResolution;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.concurrent.Executor;

/** The conflicts inbox: the list, the seat map to choose other seats on, and the three actions. */
public final class ConflictsController implements AutoCloseable {
    private final ConflictsViewModel model;
    private final Counter counter;
    private final Executor background;
    private final Strings strings;
    private final SeatMapView seatMap = new SeatMapView();

    @FXML
    private ListView<OfflineAdmin.ConflictRow> conflictList;
    @FXML
    private StackPane mapHolder;
    @FXML
    private Label conflictDetail;
    @FXML
    private TextField noteField;
    @FXML
    private Label conflictMessage;

    public ConflictsController(ConflictsViewModel model, Counter counter, Executor background, Strings strings) {
        this.model = model;
        this.counter = counter;
        this.background = background;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        seatMap.setId("conflictSeatMap");
        seatMap.setSelectableStatuses(EnumSet.of(SeatStatus.FREE));
        seatMap.setMinSize(200, 200);
        mapHolder.getChildren().setAll(seatMap);
        conflictList.setItems(model.rows());
        conflictList.setPlaceholder(new Label(strings.get("conflicts.none")));
        conflictList.setCellFactory(ChoiceText.wrappingCells(row -> (row.open() ? "OPEN  " : row.resolving() ? "SENDING  " : "RESOLVED  ")
                + (row.orderNumber() == null ? "" : row.orderNumber() + "  ") + row.performance() + "\n"
                + row.tickets() + " ticket(s) without a seat: " + String.join(", ", row.seats())
                + (row.customer() == null ? "" : "  ·  " + row.customer())
                + (row.resolution() == null ? "" : "\n" + row.resolution() + (row.note() == null ? "" : ": " + row.note()))));
        conflictList.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> show(row));
        conflictMessage.textProperty().bind(model.messageProperty());
        model.refresh();
    }

    private void show(OfflineAdmin.ConflictRow row) {
        if (row == null) {
            conflictDetail.setText("");
            return;
        }
        conflictDetail.setText(String.format(strings.get("conflicts.pick"), row.tickets()));
        SeatMapLoader.show(seatMap, counter, row.performanceId(), background, plan -> { }, e -> conflictDetail.setText(e.getMessage()));
    }

    @FXML
    private void otherSeats() {
        model.resolve(conflictList.getSelectionModel().getSelectedItem(), ConflictResolution.OTHER_SEATS,
                new ArrayList<>(seatMap.getSelection().getSelectedIds()), noteField.getText());
    }

    @FXML
    private void refund() {
        model.resolve(conflictList.getSelectionModel().getSelectedItem(), ConflictResolution.REFUND, java.util.List.of(),
                noteField.getText());
    }

    @FXML
    private void markResolved() {
        model.resolve(conflictList.getSelectionModel().getSelectedItem(), ConflictResolution.MARK_RESOLVED, java.util.List.of(),
                noteField.getText());
    }

    @Override
    public void close() {
        model.close();
    }
}
