package com.admitone.client.ui.boxoffice.seatmap;

import com.admitone.model.money.Money;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static com.admitone.client.ui.boxoffice.seatmap.SampleVenues.stalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The seat map in a real (headless) window, driven with TestFX's robot. */
@ExtendWith(ApplicationExtension.class)
class SeatMapViewTest {
    private SeatMapView map;
    private final List<SeatMapEvent> clicks = new ArrayList<>();

    @Start
    void start(Stage stage) {
        map = new SeatMapView();
        map.setSeats(SampleVenues.theatre(), SampleVenues.THEATRE_ZONES);
        map.setLocale(Locale.UK);
        map.setPriceLookup(seat -> switch (seat.zone()) {
            case "PREMIUM" -> Money.of(5500, "GBP");
            case "STANDARD" -> Money.of(4200, "GBP");
            default -> null;
        });
        map.setOnSeatClicked(clicks::add);
        BorderPane root = new BorderPane(map);
        root.setBottom(new SeatMapLegend(map));
        stage.setScene(new Scene(root, 1000, 760));
        stage.show();
        // Zoom in on the front of the stalls so seats are big enough to aim at.
        map.layout();
        Point2D a1 = map.seatCentre(stalls(0, 1));
        map.zoomAt(2.5, a1.getX(), a1.getY());
        map.layout();
    }

    private Point2D onScreen(long seatId) {
        return map.localToScreen(map.seatCentre(seatId));
    }

    @Test
    void theWarmUpRunsOffScreenAndLeavesTheShownMapAlone(FxRobot robot) throws Exception {
        long paintsBefore = map.getFullPaintCount();
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        robot.interact(() -> SeatMapView.warmUp().whenComplete((v, e) -> {
            if (e == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(e);
            }
        }));
        done.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(map.getFullPaintCount()).isEqualTo(paintsBefore);
        assertThat(robot.listTargetWindows()).hasSize(1);
    }

    @Test
    void clickingAFreeSeatSelectsIt(FxRobot robot) {
        robot.clickOn(onScreen(stalls(2, 5)), MouseButton.PRIMARY);

        assertThat(map.getSelection().getSelectedIds()).containsExactly(stalls(2, 5));
        assertThat(clicks).singleElement().satisfies(e -> {
            assertThat(e.getSeat().label()).isEqualTo("S-C5");
            assertThat(e.isSelected()).isTrue();
        });

        robot.clickOn(onScreen(stalls(2, 5)), MouseButton.PRIMARY);
        assertThat(map.getSelection().getSelectedIds()).isEmpty();
    }

    @Test
    void clickingASoldSeatDoesNothing(FxRobot robot) {
        robot.interact(() -> map.setStatus(stalls(2, 5), SeatStatus.SOLD));

        robot.clickOn(onScreen(stalls(2, 5)), MouseButton.PRIMARY);

        assertThat(map.getSelection().getSelectedIds()).isEmpty();
        assertThat(clicks).singleElement().satisfies(e -> {
            assertThat(e.getStatus()).isEqualTo(SeatStatus.SOLD);
            assertThat(e.isSelected()).isFalse();
        });
    }

    @Test
    void draggingSelectsTheFreeSeatsInABlock(FxRobot robot) {
        robot.interact(() -> map.setStatus(stalls(1, 2), SeatStatus.HELD_BY_OTHER));
        double half = map.getScale() * 26 / 2;
        Point2D from = onScreen(stalls(0, 1)).subtract(half, half);
        Point2D to = onScreen(stalls(1, 3)).add(half, half);

        robot.drag(from, MouseButton.PRIMARY).dropTo(to);

        assertThat(map.getSelection().getSelectedIds()).containsExactlyInAnyOrder(
                stalls(0, 1), stalls(0, 2), stalls(0, 3), stalls(1, 1), stalls(1, 3));
        assertThat(clicks).isEmpty();
    }

    @Test
    void zoomingKeepsTheSeatUnderThePointer(FxRobot robot) {
        Point2D before = onScreen(stalls(3, 7));
        double scale = map.getScale();

        robot.moveTo(before).scroll(3, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(map.getScale()).isNotCloseTo(scale, within(scale * 0.05));
        Point2D after = onScreen(stalls(3, 7));
        assertThat(after.getX()).isCloseTo(before.getX(), within(1.0));
        assertThat(after.getY()).isCloseTo(before.getY(), within(1.0));
        assertThat(map.seatAt(map.seatCentre(stalls(3, 7)).getX(), map.seatCentre(stalls(3, 7)).getY()).id())
                .isEqualTo(stalls(3, 7));
    }

    @Test
    void tooltipNamesSeatZoneAndPrice(FxRobot robot) throws Exception {
        robot.moveTo(onScreen(stalls(2, 5)));

        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> map.getSeatInfo().isVisible());
        assertThat(map.getSeatInfo().getText())
                .isEqualTo("S-C5 \u2014 Stalls, row C, seat 5\nPremium: \u00a355.00");
    }

    /**
     * A cashier rests on a seat (its details show, below and right of the pointer), then clicks
     * where they are, on the seat beneath: the click reaches the map and selects that seat. The
     * details used to be a Tooltip, a window of its own, which under a real X server took the press
     * (mouse clicks on the map often selected nothing; the keyboard worked).
     */
    @Test
    void aClickOnTheSeatDetailsSelectsTheSeatBeneath(FxRobot robot) throws Exception {
        robot.moveTo(onScreen(stalls(2, 5)));
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> map.getSeatInfo().isVisible());
        assertThat(robot.listTargetWindows()).as("no window besides the map's").hasSize(1);
        Point2D target = onScreen(stalls(3, 6));
        assertThat(map.getSeatInfo().localToScreen(map.getSeatInfo().getLayoutBounds()).contains(target))
                .as("seat S-D6 lies under the details").isTrue();

        robot.clickOn(target, MouseButton.PRIMARY);

        assertThat(map.getSelection().getSelectedIds()).containsExactly(stalls(3, 6));
    }

    @Test
    void keyboardMovesTheCursorAndSpaceToggles(FxRobot robot) {
        robot.clickOn(onScreen(stalls(2, 5)), MouseButton.PRIMARY);   // focus, select C5, cursor on C5

        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT).type(KeyCode.DOWN).type(KeyCode.SPACE);

        assertThat(map.getCursorSeat().id()).isEqualTo(stalls(3, 7));
        assertThat(map.getSelection().getSelectedIds()).containsExactly(stalls(2, 5), stalls(3, 7));
        robot.type(KeyCode.SPACE);
        assertThat(map.getSelection().getSelectedIds()).containsExactly(stalls(2, 5));
    }

    @Test
    void oneSeatChangeRepaintsThatSeatOnly(FxRobot robot) {
        long seat = stalls(4, 8);
        Color premium = onFx(() -> map.zoneColour("PREMIUM"));
        assertThat(colourAt(robot, seat)).satisfies(c -> assertClose(c, premium));
        long fullPaints = map.getFullPaintCount();
        long seatPaints = map.getSeatPaintCount();

        robot.interact(() -> map.setStatus(seat, SeatStatus.SOLD));

        assertThat(map.getFullPaintCount()).isEqualTo(fullPaints);
        assertThat(map.getSeatPaintCount()).isEqualTo(seatPaints + 1);
        assertThat(colourAt(robot, seat)).satisfies(c -> assertClose(c, map.statusColourProperty(SeatStatus.SOLD).get()));
        assertThat(map.count(SeatStatus.SOLD)).isEqualTo(1);
    }

    @Test
    void aHiddenMapCollectsChangesIntoOneFullPaint(FxRobot robot) {
        robot.interact(() -> map.setVisible(false));
        long fullPaints = map.getFullPaintCount();
        long seatPaints = map.getSeatPaintCount();

        robot.interact(() -> {
            for (int n = 1; n <= 20; n++) {
                map.setStatus(stalls(5, n), SeatStatus.SOLD);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(map.getSeatPaintCount()).isEqualTo(seatPaints);
        assertThat(map.getFullPaintCount()).isEqualTo(fullPaints + 1);
    }

    @Test
    void aSeatTakenElsewhereLeavesTheSelection(FxRobot robot) {
        robot.clickOn(onScreen(stalls(2, 5)), MouseButton.PRIMARY);
        robot.interact(() -> map.setStatus(stalls(2, 5), SeatStatus.HELD_BY_ME));
        assertThat(map.getSelection().getSelectedIds()).containsExactly(stalls(2, 5));

        robot.interact(() -> map.setStatus(stalls(2, 5), SeatStatus.SOLD));

        assertThat(map.getSelection().getSelectedIds()).isEmpty();
    }

    @Test
    void bestAvailableSelectsSeatsTogether(FxRobot robot) {
        List<Long> picked = onFx(() -> map.selectBestAvailable("STANDARD", 4));

        assertThat(picked).containsExactly(stalls(10, 13), stalls(10, 14), stalls(10, 15), stalls(10, 16));
        assertThat(map.getSelection().getSelectedIds()).containsExactlyElementsOf(picked);
    }

    @Test
    void fitShowsEverySeat(FxRobot robot) {
        robot.interact(map::fitToWindow);
        robot.interact(map::layout);
        for (MapSeat seat : map.getSeats()) {
            Point2D p = map.seatCentre(seat.id());
            assertThat(p.getX()).isBetween(0.0, map.getWidth());
            assertThat(p.getY()).isBetween(0.0, map.getHeight());
        }
    }

    @Test
    void coloursComeFromCss(FxRobot robot) {
        assertThat(map.zoneColour("STANDARD")).isEqualTo(Color.web("#00897b"));   // seatmap.css

        robot.interact(() -> {
            map.getScene().getStylesheets().add(getClass().getResource("test-theme.css").toExternalForm());
            map.applyCss();
        });

        assertThat(map.statusColourProperty(SeatStatus.SOLD).get()).isEqualTo(Color.RED);
        assertThat(map.zoneColour("PREMIUM")).isEqualTo(Color.BLUE);
    }

    @Test
    void legendShowsCountsWithStateStyleClasses(FxRobot robot) {
        robot.interact(() -> {
            map.setStatus(stalls(0, 1), SeatStatus.SOLD);
            map.setStatus(stalls(0, 2), SeatStatus.SOLD);
        });
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.Label sold = robot.lookup(".seat-legend-item.seat-sold").queryAs(javafx.scene.control.Label.class);
        assertThat(sold.getText()).isEqualTo("Sold  2");
        javafx.scene.control.Label premium = robot.lookup(".seat-legend-item.seat-zone").queryAs(javafx.scene.control.Label.class);
        assertThat(premium.getText()).isEqualTo("Premium  248 free");
    }

    private Color colourAt(FxRobot robot, long seatId) {
        Point2D p = map.seatCentre(seatId);
        WritableImage image = snapshot();
        // Sample a little off-centre so a seat number never hides the fill colour.
        return image.getPixelReader().getColor((int) Math.round(p.getX() - map.getScale() * 7),
                (int) Math.round(p.getY()));
    }

    private WritableImage snapshot() {
        return onFx(() -> map.snapshot(null, null));
    }

    private static <T> T onFx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertClose(Color actual, Color expected) {
        assertThat(actual.getRed()).isCloseTo(expected.getRed(), within(0.03));
        assertThat(actual.getGreen()).isCloseTo(expected.getGreen(), within(0.03));
        assertThat(actual.getBlue()).isCloseTo(expected.getBlue(), within(0.03));
    }
}
