package com.admitone.client.ui.offline;

import com.admitone.client.offline.OfflineAdmin;
import com.admitone.client.sales.Counter;
import com.admitone.client.ui.boxoffice.seatmap.SeatMapView;
import com.admitone.client.ui.boxoffice.seatmap.SeatStatus;
import com.admitone.client.ui.common.ChoiceText;
import com.admitone.client.ui.common.Strings;
import com.admitone.model.sync.Commands;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Allotments: pick a performance, seats on the map (or a number of general-admission places of
 * the area chosen, for example one of a timed slot's areas), a
 * device and a deadline, and lease; release a lease from the list; or, on this box-office computer,
 * ask for a standing allotment of N seats of every performance in the next D days.
 */
public final class AllotmentsController implements AutoCloseable {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final AllotmentsViewModel model;
    private final Counter counter;
    private final Executor background;
    private final Strings strings;
    private final ZoneId zone;
    private final SeatMapView seatMap = new SeatMapView();
    private Counter.Plan plan;

    @FXML
    private ComboBox<OfflineAdmin.PerformanceRow> performanceChoice;
    @FXML
    private ComboBox<OfflineAdmin.DeviceRow> deviceChoice;
    @FXML
    private DatePicker untilDate;
    @FXML
    private TextField untilTime;
    @FXML
    private TextField placesField;
    /** Which general-admission area (a timed slot's areas, a standing floor) the places come from. */
    @FXML
    private ComboBox<Counter.AreaRow> areaChoice;
    @FXML
    private StackPane mapHolder;
    @FXML
    private ListView<OfflineAdmin.AllotmentRow> allotmentList;
    @FXML
    private Spinner<Integer> standingSeats;
    @FXML
    private Spinner<Integer> standingDays;
    @FXML
    private Label allotmentMessage;

    public AllotmentsController(AllotmentsViewModel model, Counter counter, Executor background, Strings strings, ZoneId zone) {
        this.model = model;
        this.counter = counter;
        this.background = background;
        this.strings = strings;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        seatMap.setId("allotmentSeatMap");
        seatMap.setSelectableStatuses(EnumSet.of(SeatStatus.FREE));
        seatMap.setMinSize(200, 200);
        mapHolder.getChildren().setAll(seatMap);
        performanceChoice.setItems(model.performances());
        performanceChoice.setConverter(ChoiceText.converter(p -> p.title() + "  " + WHEN.format(p.startsAt().atZone(zone))));
        performanceChoice.valueProperty().addListener((o, old, p) -> showPerformance(p));
        areaChoice.setConverter(ChoiceText.converter(a -> a.name() + " (" + a.free() + " free)"));
        showAreas(List.of());
        deviceChoice.setItems(model.devices());
        deviceChoice.setConverter(ChoiceText.converter(d -> d.name() + (d.id().equals(model.deviceId()) ? " (this computer)" : "")));
        allotmentList.setItems(model.rows());
        allotmentList.setPlaceholder(new Label(strings.get("allotments.none")));
        allotmentList.setCellFactory(ChoiceText.wrappingCells(row -> row.device() + (row.mine() ? " (this computer)" : "")
                + "  ·  " + row.performance()
                + "\n" + row.seats() + " seat(s)" + (row.places() > 0 ? ", " + row.places() + " place(s)" : "")
                + " until " + WHEN.format(row.until().atZone(zone))));
        allotmentMessage.textProperty().bind(model.messageProperty());
        model.refresh();
    }

    private void showPerformance(OfflineAdmin.PerformanceRow p) {
        if (p == null) {
            return;
        }
        untilDate.setValue(p.startsAt().atZone(zone).toLocalDate());
        untilTime.setText(p.startsAt().atZone(zone).toLocalTime().toString());
        showAreas(List.of());
        SeatMapLoader.show(seatMap, counter, p.id(), background, shown -> {
                    plan = shown;
                    showAreas(shown.areas());
                }, e -> allotmentMessage.textProperty().unbind());
    }

    /** The area picker and the places field show only for a performance with general-admission areas. */
    private void showAreas(List<Counter.AreaRow> areas) {
        areaChoice.getItems().setAll(areas);
        if (!areas.isEmpty()) {
            areaChoice.getSelectionModel().select(0);
        }
        for (javafx.scene.Node n : List.of(areaChoice, placesField)) {
            n.setVisible(!areas.isEmpty());
            n.setManaged(!areas.isEmpty());
        }
    }

    @FXML
    private void lease() {
        Instant until;
        try {
            LocalDate day = untilDate.getValue();
            until = day == null ? null : day.atTime(LocalTime.parse(untilTime.getText().trim())).atZone(zone).toInstant();
        } catch (RuntimeException e) {
            until = null;
        }
        List<Commands.AreaQuantity> areas = new ArrayList<>();
        String places = placesField.getText() == null ? "" : placesField.getText().trim();
        Counter.AreaRow area = areaChoice.getValue();
        if (!places.isEmpty() && area != null) {
            try {
                areas.add(new Commands.AreaQuantity(area.id(), Integer.parseInt(places)));
            } catch (NumberFormatException e) {
                placesField.clear();
            }
        }
        model.lease(performanceChoice.getValue(), deviceChoice.getValue(), new ArrayList<>(seatMap.getSelection().getSelectedIds()),
                areas, until);
        seatMap.getSelection().clear();
    }

    @FXML
    private void release() {
        model.release(allotmentList.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void requestStanding() {
        model.requestStanding(standingSeats.getValue(), standingDays.getValue());
    }

    @Override
    public void close() {
        model.close();
    }
}
