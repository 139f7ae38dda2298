package com.admitone.client.ui.boxoffice.seatmap;

import com.admitone.model.venue.SeatFlag;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The key to a {@link SeatMapView}: one item per price zone (free seats left), per seat state
 * (how many) and per marker. Swatches are drawn by the same code as the map; each item carries
 * style classes ({@code seat-legend-item}, and e.g. {@code seat-sold}, {@code seat-zone}) for CSS.
 */
public class SeatMapLegend extends FlowPane {
    private static final double SWATCH = 16;

    private final SeatMapView map;
    private final NumberFormat counts = NumberFormat.getIntegerInstance();
    private final List<Runnable> refreshers = new ArrayList<>();
    private final SeatSprites sprites = new SeatSprites();
    private List<PriceZone> shownZones = List.of();
    private boolean refreshScheduled;

    public SeatMapLegend(SeatMapView map) {
        this.map = map;
        getStyleClass().add("seat-map-legend");
        getStylesheets().add(map.getUserAgentStylesheet());
        map.countsVersionProperty().addListener(obs -> scheduleRefresh());
        InvalidationListener repaint = obs -> scheduleRefresh();
        for (SeatStatus s : SeatStatus.values()) {
            map.statusColourProperty(s).addListener(repaint);
        }
        for (int z = 0; z < SeatMapView.ZONE_COLOUR_COUNT; z++) {
            map.zoneColourProperty(z).addListener(repaint);
        }
        rebuild();
    }

    private void scheduleRefresh() {
        if (!refreshScheduled) {
            refreshScheduled = true;
            Platform.runLater(() -> {
                refreshScheduled = false;
                if (!shownZones.equals(map.getZones())) {
                    rebuild();
                } else {
                    refreshers.forEach(Runnable::run);
                }
            });
        }
    }

    private void rebuild() {
        getChildren().clear();
        refreshers.clear();
        shownZones = map.getZones();
        for (PriceZone zone : shownZones) {
            Canvas swatch = swatch();
            Label item = item(swatch, "seat-zone");
            refreshers.add(() -> {
                paint(swatch, map.zoneColour(zone.id()), SeatStatus.FREE, Set.of());
                item.setText(zone.name() + "  " + counts.format(map.freeCount(zone.id())) + " free");
            });
        }
        for (SeatStatus status : SeatStatus.values()) {
            if (status == SeatStatus.FREE) {
                continue;
            }
            Canvas swatch = swatch();
            Label item = item(swatch, status.styleClass());
            refreshers.add(() -> {
                paint(swatch, map.currentPalette().status(status), status, Set.of());
                item.setText(status.label() + "  " + counts.format(map.count(status)));
            });
        }
        marker(SeatFlag.WHEELCHAIR, "seat-marker-wheelchair");
        marker(SeatFlag.COMPANION, "seat-marker-companion");
        marker(SeatFlag.RESTRICTED_VIEW, "seat-marker-restricted-view");
        Canvas selectedSwatch = swatch();
        item(selectedSwatch, "seat-selected").setText("Selected");
        refreshers.add(() -> {
            Color free = map.currentPalette().zone(0);
            paint(selectedSwatch, free, SeatStatus.FREE, Set.of());
            SeatGlyphs.ring(selectedSwatch.getGraphicsContext2D(), SWATCH / 2, SWATCH / 2, SWATCH / 2 - 1.5,
                    map.currentPalette().selection(), 2);
        });
        refreshers.forEach(Runnable::run);
    }

    private void marker(SeatFlag flag, String styleClass) {
        Canvas swatch = swatch();
        item(swatch, styleClass).setText(SeatTooltipText.flagText(flag));
        refreshers.add(() -> paint(swatch, Color.web("#757575"), SeatStatus.FREE, EnumSet.of(flag)));
    }

    private Label item(Canvas swatch, String styleClass) {
        Label label = new Label();
        label.setGraphic(swatch);
        label.getStyleClass().addAll("seat-legend-item", styleClass);
        getChildren().add(label);
        return label;
    }

    private static Canvas swatch() {
        Canvas canvas = new Canvas(SWATCH, SWATCH);
        canvas.getStyleClass().add("seat-legend-swatch");
        return canvas;
    }

    private void paint(Canvas swatch, Color fill, SeatStatus status, Set<SeatFlag> flags) {
        GraphicsContext g = swatch.getGraphicsContext2D();
        g.clearRect(0, 0, SWATCH, SWATCH);
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
        double r = flags.isEmpty() || flags.contains(SeatFlag.RESTRICTED_VIEW) ? SWATCH / 2 - 3 : SWATCH / 2 - 1;
        SeatSprites.Sprite sprite = sprites.get(fill, status, flags, r * scale, map.currentPalette());
        double size = sprite.size() / scale;
        g.drawImage(sprite.image(), (SWATCH - size) / 2, (SWATCH - size) / 2, size, size);
    }
}
