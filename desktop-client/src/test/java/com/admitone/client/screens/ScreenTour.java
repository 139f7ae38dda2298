package com.admitone.client.screens;

import com.admitone.client.AdmitOneApp;
import com.admitone.client.auth.DeviceEnrolment;
import com.admitone.client.sales.Counter;
import com.admitone.client.store.LocalStore;
import com.admitone.client.sync.ApiTimeouts;
import com.admitone.client.ui.boxoffice.seatmap.MapSeat;
import com.admitone.client.ui.boxoffice.seatmap.SeatMapView;
import com.admitone.client.ui.boxoffice.seatmap.SeatStatus;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Takes the README's screenshots: the real desktop client in a real X window (run it under
 * {@code xvfb-run}; {@code docs/screenshots/take-screenshots.sh} does all of it) against a running
 * demo server, driven with the real mouse and keyboard (TestFX's glass robot, i.e. XTest events;
 * the gate's keyboard-wedge scans are typed by {@code xdotool}), each picture grabbed from the X
 * display with ImageMagick's {@code import}, so what is saved is what X shows, not a scene snapshot.
 *
 * <p>Part one at a counter (as manager, who sees every section): log-in, box office, payment,
 * confirmation, orders, exchange and its result, School trips, Reports, Sync &amp; devices,
 * Settings. Part two at a second computer, the gate, logged in as gate staff, with the clock set
 * to twenty minutes before the sold performance starts (whenever the tour runs): the ticket that
 * was kept scans ADMIT, then ALREADY ADMITTED, and the ticket exchanged away REJECTED.
 *
 * <p>Usage: {@code ScreenTour --server URL --out DIR [--work DIR]}. Exits non-zero with a message
 * when a step does not do what a user would see it do (for example a seat that a mouse click did
 * not select).
 */
public final class ScreenTour {
    private final String server;
    private final Path out;
    private final Path work;
    private final FxRobot robot = new FxRobot();
    private AdmitOneApp app;

    private ScreenTour(String server, Path out, Path work) {
        this.server = server;
        this.out = out;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        String server = null;
        Path out = Path.of("docs/screenshots");
        Path work = null;
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--server" -> server = args[i + 1];
                case "--out" -> out = Path.of(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (server == null) {
            System.err.println("usage: ScreenTour --server http://localhost:7070 --out docs/screenshots [--work DIR]");
            System.exit(2);
        }
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "false");
        Files.createDirectories(out);
        ScreenTour tour = new ScreenTour(server, out, work != null ? work : Files.createTempDirectory("admitone-tour"));
        int code = 0;
        try {
            tour.run();
            System.out.println("tour: done, screenshots in " + out.toAbsolutePath());
        } catch (Throwable e) {
            System.err.println("tour: FAILED: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    private void run() throws Exception {
        FxToolkit.registerPrimaryStage();
        Tickets tickets = counter();
        gate(tickets);
    }

    /** The kept ticket's token, the exchanged-away one's and the performance's start. */
    private record Tickets(String kept, String exchanged, Instant startsAt) {
    }

    // ------------------------------------------------------------------ part one: the counter

    private Tickets counter() throws Exception {
        Path data = work.resolve("counter");
        enrol(data, "Counter 1");
        launch(data, Clock.systemUTC());

        waitFor("#usernameField", 180);
        shot("xvfb-login");
        robot.clickOn(node("#usernameField")).write("manager");
        robot.clickOn(node("#passwordField")).write("manager-demo");
        robot.clickOn(node("#loginButton"));

        waitFor("#performanceList", 120);
        robot.clickOn(node("#performanceSearch")).write("Tempest");
        @SuppressWarnings("unchecked")
        ListView<Counter.PerformanceRow> list = (ListView<Counter.PerformanceRow>) node("#performanceList");
        until(180, "the Tempest in the picker", () -> list.getItems().stream()
                .anyMatch(r -> r.seated() && "ON_SALE".equals(r.status()) && r.title().contains("Tempest")));
        // All performances again, so the picker shows its long titles; then open the Tempest with the mouse.
        robot.doubleClickOn(node("#performanceSearch")).eraseText(7);
        until(30, "the whole list", () -> list.getItems().size() > 3);
        robot.clickOn(node("#performanceSearch")).write("Tempest");
        until(30, "the Tempest alone", () -> !list.getItems().isEmpty()
                && list.getItems().stream().allMatch(r -> r.title().contains("Tempest")));
        Counter.PerformanceRow row = list.getItems().stream()
                .filter(r -> r.seated() && "ON_SALE".equals(r.status())).findFirst().orElseThrow();
        robot.interact(() -> list.getSelectionModel().select(row));
        robot.doubleClickOn(node("#performanceSearch")).eraseText(7);
        until(30, "the whole list", () -> list.getItems().size() > 3);

        SeatMapView map = (SeatMapView) node("#seatMap");
        until(60, "the seat map", () -> map.getSeats().size() > 100);
        WaitForAsyncUtils.waitForFxEvents();

        // Two seats picked with the mouse, as a cashier does.
        List<Long> pair = freePair(map);
        for (Long seat : pair) {
            clickSeat(map, seat);
        }
        until(30, "both seats held", () -> pair.stream().allMatch(id -> map.getStatus(id) == SeatStatus.HELD_BY_ME));
        waitFor("#priceType-1", 10);
        // Twice in five runs under Xvfb the name typed right after the seats were held never reached
        // the field (cause not found yet; the name field has a ControlsFX autocompletion popup):
        // type it again, and say so, rather than picture an order without a name.
        for (int attempt = 1; ; attempt++) {
            robot.clickOn(node("#customerName")).write("Jo Bloggs");
            try {
                until(5, "the customer's name", () -> text("#customerName").equals("Jo Bloggs"));
                break;
            } catch (AssertionError lost) {
                System.out.println("tour: the customer's name did not reach the field (it reads '" + text("#customerName")
                        + "'), attempt " + attempt);
                if (attempt == 3) {
                    throw lost;
                }
                robot.interact(() -> ((TextInputControl) node("#customerName")).clear());
            }
        }
        robot.clickOn(node("#customerEmail")).write("jo@example.org");
        moveAway();
        shot("xvfb-boxoffice");

        robot.press(KeyCode.F8).release(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        long total = minorOf(text("#totalLabel"));
        robot.clickOn(node("#tendered")).write(plain(total + 1000));
        until(10, "the change due", () -> text("#changeDue").contains("10.00"));
        moveAway();
        shot("xvfb-payment");
        robot.type(KeyCode.ENTER);

        until(60, "the order number", () -> text("#orderNumber").startsWith("Order ") && !text("#confirmationDetail").isEmpty());
        String number = text("#orderNumber").substring("Order ".length()).trim();
        shot("xvfb-confirmation");

        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        robot.clickOn(node("#orderSearch")).write(number).type(KeyCode.ENTER);
        waitFor("#refundTicket-1", 60);
        moveAway();
        shot("xvfb-orders");

        // Exchange the first ticket for a seat picked with the mouse on the exchange map.
        Counter.OrderDetail old = findOrder(number);
        String oldTicketId = old.tickets().get(0).id();
        String keptTicketId = old.tickets().get(1).id();
        robot.clickOn(node("#refundTicket-0"));
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitFor("#exchangeSeatMap", 20);
        SeatMapView exchangeMap = (SeatMapView) node("#exchangeSeatMap");
        until(60, "the exchange map", () -> exchangeMap.getSeats().size() > 100
                && pair.stream().allMatch(id -> exchangeMap.getStatus(id) == SeatStatus.SOLD));
        WaitForAsyncUtils.waitForFxEvents();
        long newSeat = freePair(exchangeMap).get(0);
        clickSeat(exchangeMap, newSeat);
        until(30, "the new seat held", () -> exchangeMap.getStatus(newSeat) == SeatStatus.HELD_BY_ME);
        waitFor("#exchangePriceType-0", 10);
        robot.clickOn(node("#exchangeReason")).write("Wants an aisle seat");
        String difference = text("#exchangeDifference");
        if (difference.startsWith("Customer pays")) {
            robot.clickOn(node("#exchangeTendered")).write(plain(minorOf(difference) + 500));
            until(10, "the change", () -> text("#exchangeDifference").contains("change"));
        }
        moveAway();
        shot("xvfb-exchange");
        robot.clickOn(node("#exchangeConfirm"));
        until(60, "the exchange result", () -> text("#exchangeResult").startsWith("Exchanged. New order"));
        until(30, "the new tickets saved", () -> text("#exchangeSaved").startsWith("New tickets saved"));
        moveAway();
        shot("xvfb-exchange-result");
        robot.clickOn(node("#exchangeDone"));

        for (String section : List.of("school_trips", "reports", "sync", "settings")) {
            robot.clickOn(node("#nav-" + section));
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(1500); // let the section load its data from the replica
            moveAway();
            shot("xvfb-" + section.replace('_', '-'));
        }

        Counter.OrderDetail after = findOrder(number);
        String keptToken = after.tickets().stream().filter(t -> t.id().equals(keptTicketId)).findFirst().orElseThrow().token();
        String oldToken = after.tickets().stream().filter(t -> t.id().equals(oldTicketId)).findFirst().orElseThrow().token();
        Tickets tickets = new Tickets(keptToken, oldToken, after.startsAt());
        close();
        return tickets;
    }

    // ------------------------------------------------------------------ part two: the gate

    private void gate(Tickets tickets) throws Exception {
        Path data = work.resolve("gate");
        enrol(data, "North gate PC");
        Instant atTheDoor = tickets.startsAt().minus(Duration.ofMinutes(20));
        launch(data, Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), atTheDoor)));

        waitFor("#usernameField", 180);
        robot.clickOn(node("#usernameField")).write("gate");
        robot.clickOn(node("#passwordField")).write("gate-demo");
        robot.clickOn(node("#loginButton"));
        waitFor("#nav-gate", 120);
        robot.clickOn(node("#nav-gate"));
        waitFor("#verdictHeadline", 30);
        String ticket = com.admitone.model.ticket.TicketTokenCodec.decode(tickets.kept()).token().ticketId().toString();
        until(240, "the gate's replica to hold the sold tickets", () -> app.services().store().read(s ->
                s.find(com.admitone.client.store.replica.Ticket.class, ticket) != null));
        javafx.scene.control.ComboBox<?> choice = (javafx.scene.control.ComboBox<?>) node("#performanceChoice");
        until(60, "the Tempest chosen at the gate", () -> choice.getValue() != null && choice.getValue().toString().contains("Tempest"));
        // Staff name the gate and leave the caret in the field: a scan typed there must not end up in the name.
        robot.clickOn(node("#gateName")).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("North");
        until(10, "the gate named", () -> text("#gateName").equals("North"));
        moveAway();

        scan(tickets.kept(), "ADMIT");
        until(5, "the gate's name as staff typed it", () -> text("#gateName").equals("North"));
        shot("xvfb-gate-admit");
        scan(tickets.kept(), "ALREADY ADMITTED");
        shot("xvfb-gate-already-admitted");
        scan(tickets.exchanged(), "REJECTED");
        shot("xvfb-gate-rejected");
        close();
    }

    /**
     * As a keyboard-wedge scanner does: the code typed fast through X, then Enter, until the gate
     * shows {@code headline}. On a machine loaded by other work the typed characters can reach the
     * window further apart than the wedge's 60 ms and the burst is then not a scan: staff scan
     * again, and so does the tour (the stray characters are cleared from the field they went into).
     */
    private void scan(String token, String headline) throws Exception {
        String name = text("#gateName");
        for (int attempt = 1; ; attempt++) {
            run("xdotool", "type", "--delay", "3", token);
            run("xdotool", "key", "Return");
            try {
                until(10, headline, () -> text("#verdictHeadline").equals(headline));
                return;
            } catch (AssertionError missed) {
                System.out.println("tour: no " + headline + " after scan " + attempt + " (the headline reads '"
                        + text("#verdictHeadline") + "'); scanning again");
                if (attempt == 3) {
                    throw missed;
                }
                robot.interact(() -> ((TextInputControl) node("#gateName")).setText(name));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private void enrol(Path data, String computer) {
        try (LocalStore store = LocalStore.open(data)) {
            new DeviceEnrolment(store, ApiTimeouts.DEFAULT, Clock.systemUTC()).enrol(server, computer, "manager", "manager-demo");
        }
    }

    private void launch(Path data, Clock clock) throws Exception {
        AdmitOneApp.configure(new AdmitOneApp.LaunchOptions(data, null, ApiTimeouts.DEFAULT.withRead(Duration.ofSeconds(30)), clock));
        app = (AdmitOneApp) FxToolkit.setupApplication(AdmitOneApp.class);
    }

    private void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** Clicks a seat with the mouse and checks that the click selected it. */
    private void clickSeat(SeatMapView map, long seat) throws Exception {
        Point2D centre = onFx(() -> map.localToScreen(map.seatCentre(seat)));
        // What reached the window, for the message should the click not select the seat.
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        javafx.event.EventHandler<javafx.scene.input.MouseEvent> recorder = e -> {
            if (e.getEventType() != javafx.scene.input.MouseEvent.MOUSE_MOVED) {
                seen.add(e.getEventType() + "@" + Math.round(e.getScreenX()) + "," + Math.round(e.getScreenY()));
            }
        };
        onFx(() -> {
            map.getScene().addEventFilter(javafx.scene.input.MouseEvent.ANY, recorder);
            return null;
        });
        // The pointer straight to the seat and a click, through X as a mouse does.
        run("xdotool", "mousemove", String.valueOf(Math.round(centre.getX())), String.valueOf(Math.round(centre.getY())));
        Thread.sleep(200);
        run("xdotool", "click", "1");
        try {
            until(5, "seat " + seat + " selected by a mouse click", () -> map.getSelection().isSelected(seat));
        } catch (AssertionError e) {
            String windows = onFx(() -> Window.getWindows().stream().map(w -> w.getClass().getSimpleName() + "@" + w.getX() + ","
                    + w.getY() + " " + w.getWidth() + "x" + w.getHeight()).toList().toString());
            throw new AssertionError(e.getMessage() + " (clicked at " + centre + ", map on screen at "
                    + onFx(() -> map.localToScreen(map.getLayoutBounds())) + ", centre now "
                    + onFx(() -> map.localToScreen(map.seatCentre(seat))) + "; the window saw " + seen + "; windows " + windows + ")");
        } finally {
            onFx(() -> {
                map.getScene().removeEventFilter(javafx.scene.input.MouseEvent.ANY, recorder);
                return null;
            });
        }
    }

    /** The pointer off the window's controls, so no hover or tooltip shows in the picture. */
    private void moveAway() {
        Window window = mainWindow();
        robot.moveTo(new Point2D(window.getX() + window.getWidth() - 4, window.getY() + window.getHeight() - 4));
    }

    /** The application's window as X shows it, from the X display (not a scene snapshot). */
    private void shot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(700); // a few pulses: what the scene graph says has reached the X server
        Window w = mainWindow();
        int x = (int) Math.round(w.getX());
        int y = (int) Math.round(w.getY());
        int width = (int) Math.round(w.getWidth());
        int height = (int) Math.round(w.getHeight());
        Path file = out.resolve(name + ".png");
        run("import", "-window", "root", "-crop", width + "x" + height + "+" + x + "+" + y, "+repage", file.toString());
        System.out.println("tour: " + file);
    }

    private Window mainWindow() {
        return robot.listTargetWindows().stream().filter(w -> w instanceof javafx.stage.Stage && w.isShowing())
                .findFirst().orElseThrow();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private void waitFor(String query, int seconds) throws Exception {
        until(seconds, query, () -> find(query).map(Node::isVisible).orElse(false));
    }

    /** A node of the application's window (not of a window closed or replaced meanwhile). */
    private java.util.Optional<Node> find(String query) {
        return robot.listTargetWindows().stream().filter(w -> w instanceof javafx.stage.Stage && w.isShowing() && w.getScene() != null)
                .flatMap(w -> robot.from(w.getScene().getRoot()).lookup(query).queryAll().stream())
                .filter(n -> n.getScene() != null).findFirst();
    }

    private Node node(String query) {
        return find(query).orElseThrow(() -> new AssertionError("no " + query + " on the screen"));
    }

    private static void until(int seconds, String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s for " + what);
        }
    }

    private String text(String query) {
        return find(query).map(n -> n instanceof Labeled l ? l.getText()
                : n instanceof TextInputControl t ? t.getText() : "").map(s -> s == null ? "" : s).orElse("");
    }

    private Counter.OrderDetail findOrder(String number) {
        Counter counter = new Counter(app.services().store(), app.services().outbox(), () -> null, () -> null, "tour",
                Clock.systemUTC());
        Counter.OrderHit hit = counter.searchReplica(number).stream().filter(h -> number.equals(h.number())).findFirst().orElseThrow();
        return counter.order(hit.id());
    }

    /** Two free seats side by side in the middle block of the plan, away from its edges. */
    private static List<Long> freePair(SeatMapView map) {
        List<MapSeat> seats = new ArrayList<>(map.getSeats());
        for (int i = seats.size() / 3; i < seats.size() - 1; i++) {
            MapSeat a = seats.get(i);
            MapSeat b = seats.get(i + 1);
            if (a.row().equals(b.row()) && a.section().equals(b.section()) && a.zone().equals(b.zone())
                    && map.getStatus(a.id()) == SeatStatus.FREE && map.getStatus(b.id()) == SeatStatus.FREE
                    && a.flags().isEmpty() && b.flags().isEmpty()) {
                return List.of(a.id(), b.id());
            }
        }
        throw new AssertionError("no two free seats together");
    }

    /** "£150.00" or "Customer pays £12.00" → 15000 / 1200. */
    private static long minorOf(String money) {
        return Long.parseLong(money.replaceAll("[^0-9]", ""));
    }

    private static String plain(long minor) {
        return minor / 100 + "." + String.format("%02d", minor % 100);
    }
}
