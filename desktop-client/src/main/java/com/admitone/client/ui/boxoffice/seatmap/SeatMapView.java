package com.admitone.client.ui.boxoffice.seatmap;

import com.admitone.client.print.MoneyFormat;
import com.admitone.model.inventory.SeatState;
import com.admitone.model.money.Money;
import com.admitone.model.venue.SeatFlag;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ObjectPropertyBase;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.SetChangeListener;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The box-office seat map: every seat of a performance drawn on one {@link Canvas} from the seat
 * coordinates, coloured by price zone while free and by state otherwise.
 *
 * <p>Drawing: zoom and pan repaint the visible seats in full (on the next pulse, so a burst of
 * wheel events costs one paint). A change to one seat (state, selection, hover, cursor) repaints
 * only that seat's square, clipped, with whatever overlaps it; at 5,000 seats that is a few
 * dozen drawing calls instead of thousands.
 *
 * <p>Mouse: click toggles a seat in the selection, a left drag selects the free seats inside the
 * rubber band, the wheel or a pinch zooms about the pointer, the middle or right button (or
 * space with the left) pans. Keyboard: arrows move a cursor from seat to seat, space or enter
 * toggles it, + and - zoom, 0 fits the map to the window.
 *
 * <p>Colours are CSS properties of {@code .seat-map} (see {@code seatmap.css}):
 * {@code -seat-zone-<n>-color} for free seats of the n-th zone, {@code -seat-<state>-color} per state.
 */
public class SeatMapView extends Region {

    private static final double SEAT_DIAMETER = 0.82;      // of the seat pitch
    private static final double MAX_SEAT_PIXELS = 72;      // zoom-in limit: a seat this wide
    private static final double DRAG_THRESHOLD = 4;
    /** Pointer movement (px) a showing tooltip tolerates before it goes. */
    private static final double TOOLTIP_STEADY = 3;
    private static final double ZOOM_STEP = 1.25;
    /** Extra pixels around a seat for its selection, hover and cursor rings. */
    private static final double RING_MARGIN = 7;
    /** From this radius (px) seat numbers are drawn. */
    private static final double MIN_NUMBER_RADIUS = 9;

    private final Canvas canvas = new Canvas();
    private final Rectangle rubberBand = new Rectangle();
    private final Rectangle viewportClip = new Rectangle();
    private final SeatSelection selection = new SeatSelection();
    /**
     * The seat's details while the pointer rests on it: a label drawn over the map inside its own
     * scene, mouse-transparent, not a Tooltip. A Tooltip is a window of its own, and under a real X
     * server a pointer on its way to the next seat ran into it (it had opened where the pointer had
     * been a moment before, when the JavaFX thread was late with the moves) and X gave it the
     * press: the click never reached the map and selected nothing, while the keyboard worked.
     */
    private final javafx.scene.control.Label seatInfo = new javafx.scene.control.Label();
    private PauseTransition tooltipDelay;
    private final Map<Double, Font> fonts = new HashMap<>();
    private final SeatSprites sprites = new SeatSprites();
    private SeatSprites.Sprite[] looks;
    private double looksRadius;

    private SeatPlan plan = SeatPlan.EMPTY;
    private List<PriceZone> zones = List.of();
    private int[] zoneOf = new int[0];
    private int[] flagBits = new int[0];
    private SeatStatus[] statuses = new SeatStatus[0];
    private boolean[] selected = new boolean[0];
    private final int[] statusCounts = new int[SeatStatus.values().length];
    private int[] freeByZone = new int[0];
    private final ReadOnlyLongWrapper countsVersion = new ReadOnlyLongWrapper(this, "countsVersion");

    private Set<SeatStatus> selectableStatuses = EnumSet.of(SeatStatus.FREE, SeatStatus.HELD_BY_ME);
    private Function<MapSeat, Money> priceLookup = seat -> null;
    private MoneyFormat moneyFormat = new MoneyFormat(Locale.getDefault());

    // Viewport: screen = world * scale + translate.
    private double scale = 1;
    private double translateX;
    private double translateY;
    private double fitScale = 1;
    private boolean fitted = true;
    private boolean fullPaintPending = true;
    private SeatPalette palette;

    private int cursorIndex = -1;
    private int hoverIndex = -1;
    /** Where (in the map) the pointer rested when the seat's details were (to be) shown. */
    private double restX;
    private double restY;

    private enum Gesture { NONE, PRESS, RUBBER_BAND, PAN }

    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean spaceDown;
    private boolean pannedWithSpace;

    private long fullPaints;
    private long seatPaints;

    /**
     * Draws a small house once, off screen, so that the first real seat map of the day does not pay
     * for loading and compiling the drawing code: on a cold JVM that is most of the first paint's
     * time (the code, not the 5,000 seats). The client starts it on the JavaFX thread once the log-in
     * screen is up; it runs in three short steps, each its own event, so the screen keeps answering
     * in between, and leaves nothing behind.
     *
     * @return completes on the JavaFX thread when the last step has run
     */
    public static java.util.concurrent.CompletableFuture<Void> warmUp() {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        List<PriceZone> zones = List.of(new PriceZone("A", "A"), new PriceZone("B", "B"), new PriceZone("C", "C"));
        List<MapSeat> seats = new ArrayList<>();
        Map<Long, SeatStatus> states = new HashMap<>();
        SeatStatus[] cycle = SeatStatus.values();
        SeatFlag[] flags = SeatFlag.values();
        for (int row = 0; row < 12; row++) {
            for (int n = 1; n <= 25; n++) {
                long id = -(row * 100L + n);
                String rowName = String.valueOf((char) ('A' + row));
                Set<SeatFlag> seatFlags = n % 7 == 0 ? EnumSet.of(flags[(row + n) % flags.length]) : EnumSet.noneOf(SeatFlag.class);
                seats.add(new MapSeat(id, rowName + n, "Stalls", rowName, n, n * 30.0, row * 32.0,
                        zones.get(row % zones.size()).id(), seatFlags));
                states.put(id, cycle[(row + n) % cycle.length]);
            }
        }
        SeatMapView map = new SeatMapView();
        map.setSeats(seats, zones);
        map.setStatuses(states);
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(map);
        new javafx.scene.Scene(holder, 640, 400);
        javafx.application.Platform.runLater(() -> {
            holder.applyCss();
            holder.resize(640, 400);
            holder.layout();
            javafx.application.Platform.runLater(() -> {
                map.zoomAt(1.25, 320, 200);
                map.layout();
                map.setStatus(seats.get(0).id(), SeatStatus.SOLD);
                map.setStatus(seats.get(1).id(), SeatStatus.FREE);
                done.complete(null);
            });
        });
        return done;
    }

    public SeatMapView() {
        getStyleClass().add("seat-map");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.NODE);
        setMinSize(120, 80);
        setPrefSize(900, 640);

        rubberBand.getStyleClass().add("seat-map-rubber-band");
        rubberBand.setManaged(false);
        rubberBand.setVisible(false);
        rubberBand.setMouseTransparent(true);
        seatInfo.getStyleClass().addAll("tooltip", "seat-map-tooltip");
        seatInfo.setManaged(false);
        seatInfo.setMouseTransparent(true);
        seatInfo.setVisible(false);
        getChildren().addAll(canvas, rubberBand, seatInfo);
        viewportClip.widthProperty().bind(widthProperty());
        viewportClip.heightProperty().bind(heightProperty());
        setClip(viewportClip);

        selection.getSelectedIds().addListener((SetChangeListener<Long>) change -> {
            int i = plan.indexOf(change.wasAdded() ? change.getElementAdded() : change.getElementRemoved());
            if (i >= 0) {
                selected[i] = change.wasAdded();
                paintSeat(i);
            }
        });
        focusedProperty().addListener((obs, was, is) -> {
            if (cursorIndex >= 0) {
                paintSeat(cursorIndex);
            }
        });
        for (StyleableObjectProperty<?> colour : colourProperties()) {
            colour.addListener(obs -> {
                palette = null;
                looks = null;
                sprites.clear();
                requestFullPaint();
            });
        }

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::mousePressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouseDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::mouseReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::mouseMoved);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1, 0, 0));
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(ZoomEvent.ZOOM, e -> {
            zoomAt(e.getZoomFactor(), e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventHandler(KeyEvent.KEY_RELEASED, this::keyReleased);
    }

    // ---------------------------------------------------------------- data

    /**
     * Shows a new seat list, all seats free and nothing selected, fitted to the window.
     * {@code zones} orders the zones for colours and the legend; zones the seats use but the list
     * lacks are appended, named by their id.
     */
    public void setSeats(List<MapSeat> seats, List<PriceZone> zoneList) {
        SeatPlan newPlan = new SeatPlan(seats);
        List<PriceZone> allZones = new ArrayList<>(zoneList);
        Map<String, Integer> zoneIndex = new HashMap<>();
        for (int z = 0; z < allZones.size(); z++) {
            zoneIndex.putIfAbsent(allZones.get(z).id(), z);
        }
        int[] newZoneOf = new int[seats.size()];
        int[] newFlagBits = new int[seats.size()];
        for (int i = 0; i < newPlan.size(); i++) {
            newFlagBits[i] = SeatSprites.flagBits(newPlan.seat(i).flags());
            String zone = newPlan.seat(i).zone();
            Integer z = zoneIndex.get(zone);
            if (z == null) {
                z = allZones.size();
                allZones.add(new PriceZone(zone, zone));
                zoneIndex.put(zone, z);
            }
            newZoneOf[i] = z;
        }
        selection.clear();
        plan = newPlan;
        zones = List.copyOf(allZones);
        zoneOf = newZoneOf;
        flagBits = newFlagBits;
        looks = null;
        statuses = new SeatStatus[newPlan.size()];
        Arrays.fill(statuses, SeatStatus.FREE);
        selected = new boolean[newPlan.size()];
        cursorIndex = -1;
        hoverIndex = -1;
        recount();
        fitted = true;
        requestFullPaint();
    }

    public List<MapSeat> getSeats() {
        List<MapSeat> list = new ArrayList<>(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            list.add(plan.seat(i));
        }
        return Collections.unmodifiableList(list);
    }

    public List<PriceZone> getZones() {
        return zones;
    }

    public MapSeat getSeat(long seatId) {
        int i = plan.indexOf(seatId);
        return i < 0 ? null : plan.seat(i);
    }

    public SeatStatus getStatus(long seatId) {
        int i = plan.indexOf(seatId);
        return i < 0 ? null : statuses[i];
    }

    /**
     * Changes one seat's state and repaints just that seat. A seat that can no longer be picked
     * (sold, held by another counter, blocked) leaves the selection. Answers false for an
     * unknown seat id.
     */
    public boolean setStatus(long seatId, SeatStatus status) {
        Objects.requireNonNull(status, "status");
        int i = plan.indexOf(seatId);
        if (i < 0) {
            return false;
        }
        if (applyStatus(i, status)) {
            countsVersion.set(countsVersion.get() + 1);
            paintSeat(i);
        }
        return true;
    }

    /** Convenience for inventory states: a hold is "mine" when {@code heldByMe}. */
    public boolean setStatus(long seatId, SeatState state, boolean heldByMe) {
        return setStatus(seatId, SeatStatus.of(state, heldByMe));
    }

    /** Changes many seats at once; a large batch is one full paint instead of many small ones. */
    public void setStatuses(Map<Long, SeatStatus> changes) {
        boolean many = changes.size() > 200;
        boolean any = false;
        for (Map.Entry<Long, SeatStatus> e : changes.entrySet()) {
            int i = plan.indexOf(e.getKey());
            if (i >= 0 && applyStatus(i, Objects.requireNonNull(e.getValue(), "status"))) {
                any = true;
                if (!many) {
                    paintSeat(i);
                }
            }
        }
        if (any) {
            countsVersion.set(countsVersion.get() + 1);
            if (many) {
                requestFullPaint();
            }
        }
    }

    private boolean applyStatus(int i, SeatStatus status) {
        SeatStatus old = statuses[i];
        if (old == status) {
            return false;
        }
        statuses[i] = status;
        statusCounts[old.ordinal()]--;
        statusCounts[status.ordinal()]++;
        if (old == SeatStatus.FREE) {
            freeByZone[zoneOf[i]]--;
        } else if (status == SeatStatus.FREE) {
            freeByZone[zoneOf[i]]++;
        }
        if (selected[i] && !selectableStatuses.contains(status)) {
            selection.deselect(plan.seat(i).id());
        }
        return true;
    }

    private void recount() {
        Arrays.fill(statusCounts, 0);
        freeByZone = new int[zones.size()];
        for (int i = 0; i < statuses.length; i++) {
            statusCounts[statuses[i].ordinal()]++;
            if (statuses[i] == SeatStatus.FREE) {
                freeByZone[zoneOf[i]]++;
            }
        }
        countsVersion.set(countsVersion.get() + 1);
    }

    /** How many seats are in a state. */
    public int count(SeatStatus status) {
        return statusCounts[status.ordinal()];
    }

    /** How many seats of a zone are free. */
    public int freeCount(String zoneId) {
        for (int z = 0; z < zones.size(); z++) {
            if (zones.get(z).id().equals(zoneId)) {
                return freeByZone[z];
            }
        }
        return 0;
    }

    /** Changes whenever a count changes; the legend listens to it. */
    public ReadOnlyLongProperty countsVersionProperty() {
        return countsVersion.getReadOnlyProperty();
    }

    public SeatSelection getSelection() {
        return selection;
    }

    /** The states staff may pick by click, drag or keyboard; FREE and HELD_BY_ME unless changed. */
    public void setSelectableStatuses(Set<SeatStatus> selectable) {
        selectableStatuses = selectable.isEmpty() ? EnumSet.noneOf(SeatStatus.class) : EnumSet.copyOf(selectable);
    }

    public boolean isSelectable(long seatId) {
        int i = plan.indexOf(seatId);
        return i >= 0 && selectableStatuses.contains(statuses[i]);
    }

    /** Where the tooltip gets a seat's price from; null means "no price". */
    public void setPriceLookup(Function<MapSeat, Money> lookup) {
        priceLookup = Objects.requireNonNull(lookup, "lookup");
    }

    public void setLocale(Locale locale) {
        moneyFormat = new MoneyFormat(locale);
    }

    /**
     * Picks the best {@code count} free seats together in a zone (see {@link BestAvailable}), adds
     * them to the selection and brings them into view. Answers their ids, empty when there are none.
     */
    public List<Long> selectBestAvailable(String zoneId, int count) {
        List<Long> best = BestAvailable.find(getSeats(), seat -> statuses[plan.indexOf(seat.id())] == SeatStatus.FREE
                && !selection.isSelected(seat.id()), zoneId, count);
        if (!best.isEmpty()) {
            selection.selectAll(best);
            reveal(plan.indexOf(best.get(0)));
            reveal(plan.indexOf(best.get(best.size() - 1)));
        }
        return best;
    }

    /** The tooltip text for a seat, or null for an unknown seat. */
    public String tooltipText(long seatId) {
        int i = plan.indexOf(seatId);
        if (i < 0) {
            return null;
        }
        MapSeat seat = plan.seat(i);
        return SeatTooltipText.of(seat, statuses[i], zones.get(zoneOf[i]).name(), priceLookup.apply(seat), moneyFormat);
    }

    /** The seat's details as the map shows them while the pointer rests on a seat (visible then). */
    public javafx.scene.control.Label getSeatInfo() {
        return seatInfo;
    }

    private PauseTransition tooltipDelay() {
        if (tooltipDelay == null) {
            tooltipDelay = new PauseTransition(Duration.millis(350));
            tooltipDelay.setOnFinished(e -> showTooltip());
        }
        return tooltipDelay;
    }

    // ---------------------------------------------------------------- events

    private final ObjectProperty<EventHandler<SeatMapEvent>> onSeatClicked = new ObjectPropertyBase<>() {
        @Override
        protected void invalidated() {
            setEventHandler(SeatMapEvent.SEAT_CLICKED, get());
        }

        @Override
        public Object getBean() {
            return SeatMapView.this;
        }

        @Override
        public String getName() {
            return "onSeatClicked";
        }
    };

    public ObjectProperty<EventHandler<SeatMapEvent>> onSeatClickedProperty() {
        return onSeatClicked;
    }

    public void setOnSeatClicked(EventHandler<SeatMapEvent> handler) {
        onSeatClicked.set(handler);
    }

    public EventHandler<SeatMapEvent> getOnSeatClicked() {
        return onSeatClicked.get();
    }

    private void mousePressed(MouseEvent e) {
        requestFocus();
        hideTooltip();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY
                || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            gesture = Gesture.PAN;
            pannedWithSpace |= spaceDown;
            setCursor(Cursor.CLOSED_HAND);
        } else if (e.getButton() == MouseButton.PRIMARY) {
            gesture = Gesture.PRESS;
        }
        e.consume();
    }

    private void mouseDragged(MouseEvent e) {
        switch (gesture) {
            case PAN -> panBy(e.getX() - lastX, e.getY() - lastY);
            case PRESS -> {
                if (Math.hypot(e.getX() - pressX, e.getY() - pressY) >= DRAG_THRESHOLD) {
                    gesture = Gesture.RUBBER_BAND;
                    rubberBand.setVisible(true);
                    updateRubberBand(e.getX(), e.getY());
                }
            }
            case RUBBER_BAND -> updateRubberBand(e.getX(), e.getY());
            default -> {
            }
        }
        lastX = e.getX();
        lastY = e.getY();
        e.consume();
    }

    private void mouseReleased(MouseEvent e) {
        switch (gesture) {
            case PRESS -> click(seatAtScreen(e.getX(), e.getY()));
            case RUBBER_BAND -> {
                rubberBand.setVisible(false);
                selectInScreenRect(pressX, pressY, e.getX(), e.getY());
            }
            case PAN -> setCursor(Cursor.DEFAULT);
            default -> {
            }
        }
        gesture = Gesture.NONE;
        e.consume();
    }

    private void mouseMoved(MouseEvent e) {
        int i = seatAtScreen(e.getX(), e.getY());
        hover(i, e.getX(), e.getY());
        setCursor(i >= 0 && selectableStatuses.contains(statuses[i]) ? Cursor.HAND : Cursor.DEFAULT);
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            // One wheel notch is one zoom step; the multiplier turns pixels back into notches
            // (40 px a notch on most desktops, finer steps from a touchpad).
            double notches = e.getDeltaY() / (e.getMultiplierY() > 0 ? e.getMultiplierY() : 40.0);
            zoomAt(Math.pow(ZOOM_STEP, notches), e.getX(), e.getY());
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        KeyCode code = e.getCode();
        switch (code) {
            case LEFT, KP_LEFT -> moveCursor(SeatPlan.Direction.LEFT);
            case RIGHT, KP_RIGHT -> moveCursor(SeatPlan.Direction.RIGHT);
            case UP, KP_UP -> moveCursor(SeatPlan.Direction.UP);
            case DOWN, KP_DOWN -> moveCursor(SeatPlan.Direction.DOWN);
            case SPACE -> {
                if (!spaceDown) {
                    spaceDown = true;
                    pannedWithSpace = false;
                }
            }
            case ENTER -> toggleCursorSeat();
            case PLUS, ADD, EQUALS -> zoomAt(ZOOM_STEP, getWidth() / 2, getHeight() / 2);
            case MINUS, SUBTRACT -> zoomAt(1 / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
            case DIGIT0, NUMPAD0 -> fitToWindow();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void keyReleased(KeyEvent e) {
        if (e.getCode() == KeyCode.SPACE) {
            spaceDown = false;
            if (!pannedWithSpace) {
                toggleCursorSeat();
            }
            e.consume();
        }
    }

    private void click(int i) {
        if (i < 0) {
            return;
        }
        MapSeat seat = plan.seat(i);
        moveCursorTo(i, false);   // the seat is under the pointer: no need to scroll to it
        boolean nowSelected = selection.isSelected(seat.id());
        if (selectableStatuses.contains(statuses[i])) {
            nowSelected = selection.toggle(seat.id());
        }
        fireEvent(new SeatMapEvent(this, this, SeatMapEvent.SEAT_CLICKED, seat, statuses[i], nowSelected));
    }

    private void toggleCursorSeat() {
        if (cursorIndex < 0) {
            moveCursorTo(initialCursor());
            return;
        }
        click(cursorIndex);
    }

    private void moveCursor(SeatPlan.Direction direction) {
        if (plan.size() == 0) {
            return;
        }
        if (cursorIndex < 0) {
            moveCursorTo(initialCursor());
            return;
        }
        int next = plan.neighbour(cursorIndex, direction);
        if (next >= 0) {
            moveCursorTo(next);
        }
    }

    /** Where the keyboard cursor starts: the last selected seat, else the seat nearest the middle of the view. */
    private int initialCursor() {
        int last = -1;
        for (Long id : selection.getSelectedIds()) {
            last = plan.indexOf(id);
        }
        if (last >= 0) {
            return last;
        }
        return plan.nearest(toWorldX(getWidth() / 2), toWorldY(getHeight() / 2));
    }

    private void moveCursorTo(int i) {
        moveCursorTo(i, true);
    }

    private void moveCursorTo(int i, boolean scrollIntoView) {
        int old = cursorIndex;
        cursorIndex = i;
        if (old >= 0 && old != i) {
            paintSeat(old);
        }
        if (i >= 0) {
            if (scrollIntoView) {
                reveal(i);
            }
            paintSeat(i);
            setAccessibleText(tooltipText(plan.seat(i).id()));
        }
    }

    /** The seat under the keyboard cursor, or null. */
    public MapSeat getCursorSeat() {
        return cursorIndex < 0 ? null : plan.seat(cursorIndex);
    }

    private void selectInScreenRect(double x0, double y0, double x1, double y1) {
        double wx0 = toWorldX(Math.min(x0, x1));
        double wx1 = toWorldX(Math.max(x0, x1));
        double wy0 = toWorldY(Math.min(y0, y1));
        double wy1 = toWorldY(Math.max(y0, y1));
        List<Long> ids = new ArrayList<>();
        plan.forEachIn(wx0, wy0, wx1, wy1, i -> {
            if (selectableStatuses.contains(statuses[i])) {
                ids.add(plan.seat(i).id());
            }
        });
        ids.sort(Long::compare);
        selection.selectAll(ids);
    }

    private void updateRubberBand(double x, double y) {
        rubberBand.setX(Math.min(pressX, x));
        rubberBand.setY(Math.min(pressY, y));
        rubberBand.setWidth(Math.abs(x - pressX));
        rubberBand.setHeight(Math.abs(y - pressY));
    }

    /**
     * The pointer is over seat {@code i} (or none, -1) at ({@code x}, {@code y}) in the map. The
     * seat's details show once the pointer has rested for the delay, below and right of it, and go
     * as soon as it moves on.
     */
    private void hover(int i, double x, double y) {
        if (i != hoverIndex) {
            int old = hoverIndex;
            hoverIndex = i;
            if (old >= 0) {
                paintSeat(old);
            }
            if (i >= 0) {
                paintSeat(i);
            }
        }
        if (seatInfo.isVisible() && i >= 0 && Math.hypot(x - restX, y - restY) < TOOLTIP_STEADY) {
            return; // a tremor of the hand: keep showing it
        }
        hideTooltip();
        if (i >= 0) {
            restX = x;
            restY = y;
            tooltipDelay().playFromStart();
        }
    }

    private void showTooltip() {
        if (hoverIndex < 0) {
            return;
        }
        seatInfo.setText(tooltipText(plan.seat(hoverIndex).id()));
        seatInfo.autosize();
        // Below and right of the pointer; flipped to the other side near the map's right or bottom edge.
        double w = seatInfo.getWidth();
        double h = seatInfo.getHeight();
        double x = restX + 14 + w > getWidth() ? restX - 8 - w : restX + 14;
        double y = restY + 18 + h > getHeight() ? restY - 8 - h : restY + 18;
        seatInfo.relocate(Math.max(0, x), Math.max(0, y));
        seatInfo.toFront();
        seatInfo.setVisible(true);
    }

    private void hideTooltip() {
        if (tooltipDelay != null) {
            tooltipDelay.stop();
        }
        seatInfo.setVisible(false);
    }

    // ---------------------------------------------------------------- viewport

    /** Scales and centres the map so every seat and the stage fit the window. */
    public void fitToWindow() {
        fitted = true;
        applyFit();
        requestFullPaint();
    }

    private void applyFit() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0 || plan.size() == 0) {
            return;
        }
        double p = plan.pitch();
        double x0 = plan.minX() - 2 * p;
        double x1 = plan.maxX() + 2 * p;
        double y0 = plan.minY() - 4 * p;
        double y1 = plan.maxY() + p;
        fitScale = Math.min(w / (x1 - x0), h / (y1 - y0));
        scale = fitScale;
        translateX = (w - (x1 - x0) * scale) / 2 - x0 * scale;
        translateY = (h - (y1 - y0) * scale) / 2 - y0 * scale;
    }

    /** Zooms by {@code factor} keeping the point (x, y) of the view where it is. */
    public void zoomAt(double factor, double x, double y) {
        if (plan.size() == 0 || !(factor > 0)) {
            return;
        }
        double maxScale = Math.max(fitScale, MAX_SEAT_PIXELS / (plan.pitch() * SEAT_DIAMETER));
        double newScale = Math.min(maxScale, Math.max(fitScale * 0.5, scale * factor));
        double f = newScale / scale;
        translateX = x - (x - translateX) * f;
        translateY = y - (y - translateY) * f;
        scale = newScale;
        fitted = false;
        hideTooltip();
        requestFullPaint();
    }

    public void panBy(double dx, double dy) {
        translateX += dx;
        translateY += dy;
        fitted = false;
        requestFullPaint();
    }

    /** Pixels per venue-plan unit. */
    public double getScale() {
        return scale;
    }

    /** Where a seat's centre is, in this view's coordinates, or null for an unknown seat. */
    public Point2D seatCentre(long seatId) {
        int i = plan.indexOf(seatId);
        return i < 0 ? null : new Point2D(toScreenX(plan.x(i)), toScreenY(plan.y(i)));
    }

    /** The seat at a point of this view, or null. */
    public MapSeat seatAt(double x, double y) {
        int i = seatAtScreen(x, y);
        return i < 0 ? null : plan.seat(i);
    }

    private int seatAtScreen(double x, double y) {
        return plan.seatAt(toWorldX(x), toWorldY(y), plan.pitch() * 0.5);
    }

    /** Pans just enough to bring a seat into view. */
    private void reveal(int i) {
        double margin = Math.min(40, Math.min(getWidth(), getHeight()) / 4);
        double x = toScreenX(plan.x(i));
        double y = toScreenY(plan.y(i));
        double dx = x < margin ? margin - x : (x > getWidth() - margin ? getWidth() - margin - x : 0);
        double dy = y < margin ? margin - y : (y > getHeight() - margin ? getHeight() - margin - y : 0);
        if (getWidth() > 0 && (dx != 0 || dy != 0)) {
            panBy(dx, dy);
        }
    }

    private double toScreenX(double wx) {
        return wx * scale + translateX;
    }

    private double toScreenY(double wy) {
        return wy * scale + translateY;
    }

    private double toWorldX(double sx) {
        return (sx - translateX) / scale;
    }

    private double toWorldY(double sy) {
        return (sy - translateY) / scale;
    }

    // ---------------------------------------------------------------- painting

    private void requestFullPaint() {
        fullPaintPending = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            fullPaintPending = true;
        }
        if (fullPaintPending) {
            if (fitted) {
                applyFit();
            }
            paintAll();
        }
    }

    /** Full paints done so far (for tests and the benchmark). */
    public long getFullPaintCount() {
        return fullPaints;
    }

    /** Single-seat repaints done so far (for tests and the benchmark). */
    public long getSeatPaintCount() {
        return seatPaints;
    }

    /** Repaints every visible seat now. Normally the next pulse does this by itself. */
    public void paintAll() {
        fullPaintPending = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        SeatPalette p = palette();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        if (plan.size() > 0) {
            paintStage(g, p);
            paintRowLabels(g, p, 0, 0, w, h);
            double reach = seatRadius() / scale;
            paintSeats(g, p, toWorldX(0) - reach, toWorldY(0) - reach, toWorldX(w) + reach, toWorldY(h) + reach);
        }
        fullPaints++;
    }

    /** Repaints one seat's square (with whatever overlaps it), clipped; no-op while a full paint is due. */
    private void paintSeat(int i) {
        if (fullPaintPending || canvas.getWidth() <= 0) {
            return;
        }
        if (!onScreen()) {
            // A canvas that is not rendered keeps every drawing call; a full paint starts afresh
            // (it clears the whole canvas), so a hidden map holds one paint's worth, not hours of updates.
            requestFullPaint();
            return;
        }
        double r = seatRadius() + RING_MARGIN;
        double cx = toScreenX(plan.x(i));
        double cy = toScreenY(plan.y(i));
        double x0 = Math.floor(cx - r);
        double y0 = Math.floor(cy - r);
        double x1 = Math.ceil(cx + r);
        double y1 = Math.ceil(cy + r);
        if (x1 < 0 || y1 < 0 || x0 > canvas.getWidth() || y0 > canvas.getHeight()) {
            return;
        }
        SeatPalette p = palette();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.save();
        g.beginPath();
        g.rect(x0, y0, x1 - x0, y1 - y0);
        g.clip();
        g.setFill(p.background());
        g.fillRect(x0, y0, x1 - x0, y1 - y0);
        paintRowLabels(g, p, x0, y0, x1, y1);
        double reach = r / scale;
        paintSeats(g, p, toWorldX(x0) - reach, toWorldY(y0) - reach, toWorldX(x1) + reach, toWorldY(y1) + reach);
        g.restore();
        seatPaints++;
    }

    private boolean onScreen() {
        if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
            return false;
        }
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Draws the seats with centres in a world rectangle: fills first, then rings on top, both in index order. */
    private void paintSeats(GraphicsContext g, SeatPalette p, double wx0, double wy0, double wx1, double wy1) {
        IntList visible = new IntList();
        plan.forEachIn(wx0, wy0, wx1, wy1, visible::add);
        visible.sort();
        double r = seatRadius();
        double pixelScale = renderScale();
        Font numberFont = r >= MIN_NUMBER_RADIUS ? font(Math.round(r * 0.95), FontWeight.BOLD) : null;
        if (numberFont != null) {
            g.setFont(numberFont);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
        }
        SeatSprites.Sprite[] looks = looks(r * pixelScale);
        int zoneCount = zones.size();
        for (int k = 0; k < visible.size; k++) {
            int i = visible.items[k];
            SeatStatus status = statuses[i];
            int look = (status.ordinal() * zoneCount + zoneOf[i]) * SeatSprites.FLAG_LOOKS + flagBits[i];
            SeatSprites.Sprite sprite = looks[look];
            if (sprite == null) {
                sprite = sprites.get(p.fill(status, zoneOf[i]), status, flagBits[i], r * pixelScale, p);
                looks[look] = sprite;
            }
            // Whole device pixels, so the picture is copied, not resampled.
            double x = Math.round(toScreenX(plan.x(i)) * pixelScale - sprite.centre()) / pixelScale;
            double y = Math.round(toScreenY(plan.y(i)) * pixelScale - sprite.centre()) / pixelScale;
            double size = sprite.size() / pixelScale;
            g.drawImage(sprite.image(), x, y, size, size);
            if (numberFont != null && showsNumber(flagBits[i], status)) {
                g.setFill(SeatPalette.contrastOn(p.fill(status, zoneOf[i])));
                g.fillText(Integer.toString(plan.seat(i).number()), x + size / 2, y + size / 2);
            }
        }
        double ringWidth = Math.max(1.5, Math.min(3, r * 0.25));
        boolean showCursor = isFocused();
        for (int k = 0; k < visible.size; k++) {
            int i = visible.items[k];
            double cx = toScreenX(plan.x(i));
            double cy = toScreenY(plan.y(i));
            if (selected[i]) {
                SeatGlyphs.ring(g, cx, cy, r + ringWidth / 2 + 0.5, p.selection(), ringWidth);
            } else if (i == hoverIndex) {
                SeatGlyphs.ring(g, cx, cy, r + 1, p.hover(), 1.5);
            }
            if (i == cursorIndex && showCursor) {
                g.setLineDashes(3, 2);
                SeatGlyphs.ring(g, cx, cy, r + ringWidth + 3, p.focus(), 1.5);
                g.setLineDashes((double[]) null);
            }
        }
    }

    private void paintStage(GraphicsContext g, SeatPalette p) {
        double pitch = plan.pitch();
        double width = plan.maxX() - plan.minX();
        double x0 = toScreenX(plan.minX() + width * 0.2);
        double x1 = toScreenX(plan.maxX() - width * 0.2);
        double y0 = toScreenY(plan.minY() - 3.4 * pitch);
        double y1 = toScreenY(plan.minY() - 1.8 * pitch);
        if (x1 - x0 < 4) {
            x0 = toScreenX(plan.minX());
            x1 = toScreenX(plan.maxX());
        }
        g.setFill(p.stage());
        g.fillRoundRect(x0, y0, x1 - x0, y1 - y0, 8, 8);
        double size = Math.min(16, (y1 - y0) * 0.6);
        if (size >= 7) {
            g.setFill(SeatPalette.contrastOn(p.stage()));
            g.setFont(font(Math.round(size), FontWeight.BOLD));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("STAGE", (x0 + x1) / 2, (y0 + y1) / 2);
        }
    }

    /** Row names at both ends of each row, once the map is zoomed in enough to read them. */
    private void paintRowLabels(GraphicsContext g, SeatPalette p, double x0, double y0, double x1, double y1) {
        double pitchPx = plan.pitch() * scale;
        if (pitchPx < 13) {
            return;
        }
        double size = Math.min(14, pitchPx * 0.5);
        double half = pitchPx * 0.7;
        g.setFill(p.text());
        g.setFont(font(Math.round(size), FontWeight.NORMAL));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (SeatPlan.Row row : plan.rows()) {
            int[] seats = row.seats();
            if (!row.straight()) {
                continue;   // boxes and odd groups: the tooltip names them
            }
            int first = seats[0];
            int last = seats[seats.length - 1];
            double lx = toScreenX(plan.x(first) - plan.pitch());
            double ly = toScreenY(plan.y(first));
            double rx = toScreenX(plan.x(last) + plan.pitch());
            double ry = toScreenY(plan.y(last));
            if (lx + half >= x0 && lx - half <= x1 && ly + half >= y0 && ly - half <= y1) {
                g.fillText(row.row(), lx, ly);
            }
            if (rx + half >= x0 && rx - half <= x1 && ry + half >= y0 && ry - half <= y1) {
                g.fillText(row.row(), rx, ry);
            }
        }
    }

    /** Numbers go on seats without a marker. */
    private static boolean showsNumber(int flagBits, SeatStatus status) {
        return status != SeatStatus.BLOCKED && (flagBits & (SeatSprites.WHEELCHAIR | SeatSprites.COMPANION)) == 0;
    }

    /** The seat pictures of one size, by status, zone and flags; filled as seats need them. */
    private SeatSprites.Sprite[] looks(double radiusPx) {
        int size = SeatStatus.values().length * Math.max(1, zones.size()) * SeatSprites.FLAG_LOOKS;
        if (looks == null || looks.length != size || looksRadius != SeatSprites.quantise(radiusPx)) {
            looks = new SeatSprites.Sprite[size];
            looksRadius = SeatSprites.quantise(radiusPx);
        }
        return looks;
    }

    /** Device pixels per layout pixel (2 on a HiDPI screen), so seat pictures are made sharp. */
    private double renderScale() {
        return getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
    }

    private double seatRadius() {
        return Math.max(1, plan.pitch() * SEAT_DIAMETER * scale / 2);
    }

    private Font font(double size, FontWeight weight) {
        double key = weight == FontWeight.BOLD ? -size : size;
        return fonts.computeIfAbsent(key, k -> Font.font(Font.getDefault().getFamily(), weight, size));
    }

    /** A growable int array, so collecting visible seats boxes nothing. */
    private static final class IntList {
        int[] items = new int[256];
        int size;

        void add(int value) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }

        void sort() {
            Arrays.sort(items, 0, size);
        }
    }

    // ---------------------------------------------------------------- CSS

    SeatPalette palette() {
        if (palette == null) {
            Color[] status = new Color[SeatStatus.values().length];
            for (SeatStatus s : SeatStatus.values()) {
                status[s.ordinal()] = statusColours.get(s).get();
            }
            Color[] zone = new Color[ZONE_COLOUR_COUNT];
            for (int z = 0; z < ZONE_COLOUR_COUNT; z++) {
                zone[z] = zoneColours.get(z).get();
            }
            palette = new SeatPalette(status, zone, mapBackground.get(),
                    selectionColour.get(), focusColour.get(), hoverColour.get(), markerColour.get(),
                    restrictedColour.get(), textColour.get(), stageColour.get());
        }
        return palette;
    }

    /** The colour free seats of a zone are drawn in. */
    public Color zoneColour(String zoneId) {
        for (int z = 0; z < zones.size(); z++) {
            if (zones.get(z).id().equals(zoneId)) {
                return palette().zone(z);
            }
        }
        return palette().status(SeatStatus.FREE);
    }

    /** The colour of a seat status (for free seats see {@link #zoneColour}). */
    public StyleableObjectProperty<Color> statusColourProperty(SeatStatus status) {
        return statusColours.get(status);
    }

    /** The colour of the {@code index}-th zone's free seats (0-based), CSS {@code -seat-zone-<index+1>-color}. */
    public StyleableObjectProperty<Color> zoneColourProperty(int index) {
        return zoneColours.get(index);
    }

    public StyleableObjectProperty<Color> selectionColourProperty() {
        return selectionColour;
    }

    private static final Map<SeatStatus, CssMetaData<SeatMapView, Color>> STATUS_META = new EnumMap<>(SeatStatus.class);
    private static final Map<SeatStatus, Color> STATUS_DEFAULTS = new EnumMap<>(Map.of(
            SeatStatus.FREE, Color.web("#2e7d32"),
            SeatStatus.HELD_BY_ME, Color.web("#1565c0"),
            SeatStatus.HELD_BY_OTHER, Color.web("#ef6c00"),
            SeatStatus.SOLD, Color.web("#c4c4c4"),
            SeatStatus.BLOCKED, Color.web("#546e7a"),
            SeatStatus.ALLOTTED, Color.web("#7b1fa2"),
            SeatStatus.ALLOTTED_TO_ME, Color.web("#00b0ff")));

    static {
        for (SeatStatus s : SeatStatus.values()) {
            STATUS_META.put(s, colourMeta("-" + s.styleClass() + "-color", v -> v.statusColours.get(s), STATUS_DEFAULTS.get(s)));
        }
    }

    /** Free seats of the n-th zone are drawn in {@code -seat-zone-<n>-color}; zones past the last share. */
    public static final int ZONE_COLOUR_COUNT = 8;
    private static final String[] DEFAULT_ZONE_COLOURS = {
        "#2e7d32", "#00897b", "#afb42b", "#d81b60", "#6d4c41", "#00acc1", "#827717", "#c2185b"};
    private static final List<CssMetaData<SeatMapView, Color>> ZONE_META = new ArrayList<>();

    static {
        for (int z = 0; z < ZONE_COLOUR_COUNT; z++) {
            int index = z;
            ZONE_META.add(colourMeta("-seat-zone-" + (z + 1) + "-color", v -> v.zoneColours.get(index),
                    Color.web(DEFAULT_ZONE_COLOURS[z])));
        }
    }

    private static final CssMetaData<SeatMapView, Color> BACKGROUND_META =
            colourMeta("-seat-map-background", v -> v.mapBackground, Color.web("#f7f6f2"));
    private static final CssMetaData<SeatMapView, Color> SELECTION_META =
            colourMeta("-seat-selection-color", v -> v.selectionColour, Color.web("#111111"));
    private static final CssMetaData<SeatMapView, Color> FOCUS_META =
            colourMeta("-seat-focus-color", v -> v.focusColour, Color.web("#0d47a1"));
    private static final CssMetaData<SeatMapView, Color> HOVER_META =
            colourMeta("-seat-hover-color", v -> v.hoverColour, Color.web("#424242"));
    private static final CssMetaData<SeatMapView, Color> MARKER_META =
            colourMeta("-seat-marker-color", v -> v.markerColour, Color.WHITE);
    private static final CssMetaData<SeatMapView, Color> RESTRICTED_META =
            colourMeta("-seat-restricted-marker-color", v -> v.restrictedColour, Color.web("#212121"));
    private static final CssMetaData<SeatMapView, Color> TEXT_META =
            colourMeta("-seat-map-text-color", v -> v.textColour, Color.web("#424242"));
    private static final CssMetaData<SeatMapView, Color> STAGE_META =
            colourMeta("-seat-map-stage-color", v -> v.stageColour, Color.web("#37474f"));

    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        all.addAll(STATUS_META.values());
        all.addAll(ZONE_META);
        all.addAll(List.of(BACKGROUND_META, SELECTION_META, FOCUS_META, HOVER_META, MARKER_META,
                RESTRICTED_META, TEXT_META, STAGE_META));
        CSS_META = Collections.unmodifiableList(all);
    }

    private final Map<SeatStatus, StyleableObjectProperty<Color>> statusColours = statusProperties();
    private final List<StyleableObjectProperty<Color>> zoneColours = zoneProperties();
    private final StyleableObjectProperty<Color> mapBackground = colour(BACKGROUND_META, "mapBackground");
    private final StyleableObjectProperty<Color> selectionColour = colour(SELECTION_META, "selectionColour");
    private final StyleableObjectProperty<Color> focusColour = colour(FOCUS_META, "focusColour");
    private final StyleableObjectProperty<Color> hoverColour = colour(HOVER_META, "hoverColour");
    private final StyleableObjectProperty<Color> markerColour = colour(MARKER_META, "markerColour");
    private final StyleableObjectProperty<Color> restrictedColour = colour(RESTRICTED_META, "restrictedColour");
    private final StyleableObjectProperty<Color> textColour = colour(TEXT_META, "textColour");
    private final StyleableObjectProperty<Color> stageColour = colour(STAGE_META, "stageColour");

    private Map<SeatStatus, StyleableObjectProperty<Color>> statusProperties() {
        Map<SeatStatus, StyleableObjectProperty<Color>> map = new EnumMap<>(SeatStatus.class);
        for (SeatStatus s : SeatStatus.values()) {
            CssMetaData<SeatMapView, Color> meta = STATUS_META.get(s);
            map.put(s, new SimpleStyleableObjectProperty<>(meta, this, s.name().toLowerCase(Locale.ROOT) + "Colour",
                    meta.getInitialValue(this)));
        }
        return map;
    }

    private List<StyleableObjectProperty<Color>> zoneProperties() {
        List<StyleableObjectProperty<Color>> list = new ArrayList<>();
        for (int z = 0; z < ZONE_COLOUR_COUNT; z++) {
            list.add(colour(ZONE_META.get(z), "zone" + (z + 1) + "Colour"));
        }
        return List.copyOf(list);
    }

    private StyleableObjectProperty<Color> colour(CssMetaData<SeatMapView, Color> meta, String name) {
        return new SimpleStyleableObjectProperty<>(meta, this, name, meta.getInitialValue(this));
    }

    private List<StyleableObjectProperty<?>> colourProperties() {
        List<StyleableObjectProperty<?>> all = new ArrayList<>(statusColours.values());
        all.addAll(zoneColours);
        all.addAll(List.of(mapBackground, selectionColour, focusColour, hoverColour, markerColour,
                restrictedColour, textColour, stageColour));
        return all;
    }

    private static CssMetaData<SeatMapView, Color> colourMeta(String property,
                                                             Function<SeatMapView, StyleableObjectProperty<Color>> get,
                                                             Color initial) {
        return new CssMetaData<>(property, StyleConverter.getColorConverter(), initial) {
            @Override
            public boolean isSettable(SeatMapView view) {
                return !get.apply(view).isBound();
            }

            @Override
            public StyleableProperty<Color> getStyleableProperty(SeatMapView view) {
                return get.apply(view);
            }
        };
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS_META;
    }

    @Override
    public String getUserAgentStylesheet() {
        return Objects.requireNonNull(SeatMapView.class.getResource("seatmap.css"), "seatmap.css").toExternalForm();
    }
}
