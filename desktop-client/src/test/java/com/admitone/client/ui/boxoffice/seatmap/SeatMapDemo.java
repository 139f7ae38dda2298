package com.admitone.client.ui.boxoffice.seatmap;

import com.admitone.model.money.Money;
import javafx.application.Application;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Shows the seat map with the sample theatre half sold, for looking at it by eye and for
 * screenshots: {@code java -cp <test classpath> ...SeatMapDemo}.
 */
public final class SeatMapDemo {

    private SeatMapDemo() {
    }

    /** Not an Application itself: the JDK launcher refuses those when JavaFX is on the class path. */
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            SeatMapDemo.start(stage);
        }
    }

    static void start(Stage stage) {
        SeatMapView map = new SeatMapView();
        List<MapSeat> seats = SampleVenues.theatre();
        map.setSeats(seats, SampleVenues.THEATRE_ZONES);
        map.setLocale(Locale.UK);
        Map<String, Long> prices = Map.of("PREMIUM", 5500L, "STANDARD", 4200L, "VALUE", 2800L, "BOX", 7500L);
        map.setPriceLookup(seat -> Money.of(prices.getOrDefault(seat.zone(), 0L), "GBP"));

        Random random = new Random(7);
        Map<Long, SeatStatus> states = new HashMap<>();
        for (MapSeat seat : seats) {
            double r = random.nextDouble();
            boolean centre = seat.number() >= 6 && seat.number() <= 20;
            if (r < (centre ? 0.45 : 0.25)) {
                states.put(seat.id(), SeatStatus.SOLD);
            } else if (r < 0.28 + (centre ? 0.2 : 0)) {
                states.put(seat.id(), SeatStatus.HELD_BY_OTHER);
            }
        }
        for (int n = 1; n <= 26; n++) {
            states.put(SampleVenues.circle(9, n), SeatStatus.BLOCKED);   // circle J: camera position
        }
        for (int n = 1; n <= 8; n++) {
            states.put(SampleVenues.circle(5, n), SeatStatus.ALLOTTED);
        }
        states.put(SampleVenues.stalls(6, 16), SeatStatus.HELD_BY_ME);
        states.put(SampleVenues.stalls(6, 17), SeatStatus.HELD_BY_ME);
        map.setStatuses(states);
        map.getSelection().selectAll(List.of(SampleVenues.stalls(6, 16), SampleVenues.stalls(6, 17)));

        ComboBox<PriceZone> zone = new ComboBox<>(FXCollections.observableArrayList(map.getZones()));
        zone.getSelectionModel().select(1);
        Spinner<Integer> count = new Spinner<>(1, 10, 4);
        count.setPrefWidth(70);
        Label result = new Label();
        Button best = new Button("Best available");
        best.setOnAction(e -> {
            List<Long> picked = map.selectBestAvailable(zone.getValue().id(), count.getValue());
            result.setText(picked.isEmpty() ? "No " + count.getValue() + " seats together"
                    : picked.size() + " seats: " + map.getSeat(picked.get(0)).label() + " to "
                    + map.getSeat(picked.get(picked.size() - 1)).label());
        });
        Button fit = new Button("Fit");
        fit.setOnAction(e -> map.fitToWindow());
        Button clear = new Button("Clear selection");
        clear.setOnAction(e -> map.getSelection().clear());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label selected = new Label();
        map.getSelection().getSelectedIds().addListener((javafx.collections.SetChangeListener<Long>) c ->
                selected.setText(map.getSelection().size() + " selected"));
        selected.setText(map.getSelection().size() + " selected");
        HBox bar = new HBox(8, new Label("Zone"), zone, count, best, result, spacer, selected, clear, fit);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        zone.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PriceZone z) {
                return z == null ? "" : z.name();
            }

            @Override
            public PriceZone fromString(String s) {
                return null;
            }
        });

        BorderPane root = new BorderPane(map);
        root.setTop(bar);
        root.setBottom(new SeatMapLegend(map));
        stage.setTitle("AdmitOne seat map demo");
        stage.setScene(new Scene(root, 1200, 820));
        stage.show();
        map.requestFocus();
    }
}
