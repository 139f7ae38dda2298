package com.admitone.client.ui.boxoffice;

import com.admitone.client.AdmitOneApp;
import com.admitone.client.sales.Counter;
import com.admitone.client.store.DeviceCredentials;
import com.admitone.client.store.LocalStore;
import com.admitone.client.store.replica.SigningKeyEntry;
import com.admitone.client.auth.DeviceEnrolment;
import com.admitone.client.sync.ApiTimeouts;
import com.admitone.client.testing.ClientUnderTest;
import com.admitone.client.testing.SaleCommands;
import com.admitone.client.ui.boxoffice.seatmap.SeatMapView;
import com.admitone.client.ui.boxoffice.seatmap.SeatStatus;
import com.admitone.model.pricing.PriceType;
import com.admitone.model.sync.Commands;
import com.admitone.model.ticket.SignedToken;
import com.admitone.model.ticket.TicketTokenCodec;
import com.admitone.model.ticket.VerifyingKey;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The box office end to end on a headless screen (Monocle) against a real sync server: log in as
 * box office, pick a theatre performance, click two seats on the map (held on the server), price
 * them adult and child, pay cash with change, get the server's order number, save the tickets as
 * PDF and check the QR decodes to a token that verifies with the server's key from the replica;
 * find the order and refund one ticket; and see a seat sold by a second client turn sold here
 * within a second.
 */
class BoxOfficeUiTest {
    static TestServer server;
    final FxRobot robot = new FxRobot();
    AdmitOneApp app;

    @TempDir
    Path dataDir;
    @TempDir
    Path otherDir;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(Backend.SQLITE);
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void launch() throws Exception {
        // Enrol this data folder first, so the app starts at the log-in.
        try (LocalStore store = LocalStore.open(dataDir)) {
            DeviceCredentials c = new DeviceEnrolment(store, ApiTimeouts.DEFAULT, Clock.systemUTC())
                    .enrol(server.baseUrl(), "Counter 1", "manager", "manager-demo");
            assertThat(c.deviceId()).isNotBlank();
        }
        AdmitOneApp.configure(new AdmitOneApp.LaunchOptions(dataDir, null, ApiTimeouts.DEFAULT.withRead(Duration.ofSeconds(30))));
        app = (AdmitOneApp) FxToolkit.setupApplication(AdmitOneApp.class);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void sellPrintRefundAndSeeOtherCountersSales() throws Exception {
        waitFor("#usernameField", 180);
        robot.clickOn("#usernameField").write("boxoffice");
        robot.clickOn("#passwordField").write("boxoffice-demo");
        robot.clickOn("#loginButton");

        // 1. The picker lists today's and upcoming performances from the replica; search by title.
        waitFor("#performanceList", 90);
        robot.clickOn("#performanceSearch").write("Tempest");
        @SuppressWarnings("unchecked")
        ListView<Counter.PerformanceRow> list = robot.lookup("#performanceList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> list.getItems().stream()
                .anyMatch(r -> r.seated() && "ON_SALE".equals(r.status()) && r.title().contains("Tempest")));
        Counter.PerformanceRow row = list.getItems().stream()
                .filter(r -> r.seated() && "ON_SALE".equals(r.status())).findFirst().orElseThrow();
        robot.interact(() -> list.getSelectionModel().select(row));

        SeatMapView map = robot.lookup("#seatMap").queryAs(SeatMapView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> map.getSeats().size() > 100);
        WaitForAsyncUtils.waitForFxEvents();

        // 2. Click two free seats next to each other in the middle of the map: they are held for this counter.
        List<Long> pair = freePair(map);
        for (Long seat : pair) {
            Point2D centre = map.seatCentre(seat);
            robot.clickOn(map.localToScreen(centre));
        }
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> map.getSelection().size() == 2);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("DIAG selection=" + map.getSelection().getSelectedIds() + " centre=" + map.seatCentre(pair.get(0))
                    + " screen=" + map.localToScreen(map.seatCentre(pair.get(0))) + " bounds=" + map.localToScreen(map.getLayoutBounds())
                    + " window=" + map.getScene().getWindow().getX() + "," + map.getScene().getWindow().getY() + " "
                    + map.getScene().getWindow().getWidth() + "x" + map.getScene().getWindow().getHeight()
                    + " visible=" + map.isVisible() + " scale=" + map.getScale());
            robot.interact(() -> pair.forEach(id -> map.getSelection().select(id)));
        }
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pair.stream().allMatch(id -> map.getStatus(id) == SeatStatus.HELD_BY_ME));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("seats " + pair + " are " + pair.stream().map(map::getStatus).toList() + "; message: "
                    + text("#boxOfficeMessage") + "; outbox: " + app.services().outbox().recent(5).stream()
                    .map(i -> i.commandType() + " " + i.status() + " " + i.resultCode() + " " + i.lastError()).toList());
        }
        assertThat(text("#holdCountdown")).startsWith("Seats held for");

        // 3. Adult and child prices.
        try {
            waitFor("#priceType-1", 10);
        } catch (java.util.concurrent.TimeoutException e) {
            javafx.scene.layout.GridPane grid = robot.lookup("#basketLines").queryAs(javafx.scene.layout.GridPane.class);
            throw new AssertionError("basket: " + grid.getChildren().stream().map(n -> n instanceof Label l ? l.getText()
                    : n.getClass().getSimpleName() + "#" + n.getId()).toList() + " selection " + map.getSelection().getSelectedIds()
                    + " message " + text("#boxOfficeMessage"));
        }
        @SuppressWarnings("unchecked")
        ComboBox<PriceType> second = robot.lookup("#priceType-1").queryAs(ComboBox.class);
        robot.interact(() -> second.setValue(PriceType.CHILD));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<PriceType> secondAgain = robot.lookup("#priceType-1").queryAs(ComboBox.class);
        assertThat(secondAgain.getValue()).isEqualTo(PriceType.CHILD);
        robot.clickOn("#customerName");
        shot("1-picker-seatmap");
        String total = text("#totalLabel");
        assertThat(text("#taxLabel")).contains("VAT");

        // 4. Cash: F8, tender £10 more than the total, Enter.
        robot.clickOn("#customerName").write("Jo Bloggs");
        robot.clickOn("#customerEmail").write("jo@example.org");
        robot.press(KeyCode.F8).release(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        long totalMinor = minorOf(total);
        robot.clickOn("#tendered").write(plain(totalMinor + 1000));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text("#changeDue").contains("10.00"));
        shot("2-basket-payment");
        robot.type(KeyCode.ENTER);

        // 5. The server confirms: the order number shows, with the change due.
        // Both labels change in one FX pulse, but this thread may read between the two setText calls.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> text("#orderNumber").startsWith("Order ") && !text("#confirmationDetail").isEmpty());
        String number = text("#orderNumber").substring("Order ".length()).trim();
        assertThat(number).matches("[A-Z0-9]{3}-[A-Z0-9]{3}");
        assertThat(text("#confirmationDetail")).contains("Change due").contains("10.00");
        assertThat(pair.stream().allMatch(id -> map.getStatus(id) == SeatStatus.SOLD)).isTrue();

        // 6. Tickets as PDF; the QR decodes to a token that verifies with the server's key from the replica.
        robot.clickOn("#saveTickets");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#savedPath").contains("Saved as"));
        Path pdf = Path.of(text("#savedPath").substring(text("#savedPath").indexOf("Saved as ") + "Saved as ".length()).trim());
        String token = decodeQr(Files.readAllBytes(pdf), 0);
        SignedToken signed = TicketTokenCodec.decode(token);
        List<SigningKeyEntry> keys = app.services().store().read(s -> s.createSelectionQuery("from SigningKeyEntry", SigningKeyEntry.class)
                .getResultList());
        assertThat(TicketTokenCodec.verify(signed, id -> keys.stream().filter(k -> k.keyId().equals(id)).findFirst()
                .map(k -> VerifyingKey.ofBase64(k.publicKey())).orElse(null))).isTrue();
        robot.clickOn("#saveTickets");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#savedPath").contains("Reprint recorded"));
        shot("3-confirmation");

        // 7. Find the order by its number and refund one ticket with a reason.
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        robot.clickOn("#orderSearch").write(number.toLowerCase().replace("-", "")).type(KeyCode.ENTER);
        waitFor("#refundTicket-1", 30);
        robot.clickOn("#refundTicket-1");
        robot.clickOn("#refundButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text("#orderMessage").contains("reason"));
        robot.clickOn("#refundReason").write("Child is ill");
        robot.clickOn("#refundButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#orderMessage").startsWith("Refunded 1"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#refundTicket-1").tryQuery()
                .map(n -> ((CheckBox) n).getText().contains("REFUNDED")).orElse(false));
        shot("4-order-lookup-refund");

        // 8. A seat sold at another counter shows as sold here within a second.
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        long other = freePair(map).get(0);
        try (ClientUnderTest second2 = new ClientUnderTest(otherDir, server.baseUrl(), "Counter 2", "boxoffice", "boxoffice-demo")) {
            second2.engine.syncNow().get(120, TimeUnit.SECONDS);
            Commands.SellSeats sale = SaleCommands.adultCashSale(second2.store, row.id(), List.of(other));
            second2.outbox.record(sale, second2.author());
            assertThat(second2.engine.syncNow().get(60, TimeUnit.SECONDS).waiting()).isZero();
            long soldAt = System.nanoTime();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> map.getStatus(other) == SeatStatus.SOLD);
            long millis = (System.nanoTime() - soldAt) / 1_000_000;
            assertThat(millis).as("ms until the other counter's sale showed").isLessThan(1000);
            robot.press(KeyCode.F1).release(KeyCode.F1);
            shot("5-keyboard-help");
        }
    }

    /**
     * Sell two seats, then exchange one of them on the Orders tab for another seat picked on the
     * exchange seat map, paying any difference in cash: the new ticket's PDF carries a QR that
     * verifies, the old ticket shows as exchanged, and the gate rule now refuses it as EXCHANGED.
     */
    @Test
    void exchangeOneTicketForAnotherSeat() throws Exception {
        waitFor("#usernameField", 180);
        robot.clickOn("#usernameField").write("boxoffice");
        robot.clickOn("#passwordField").write("boxoffice-demo");
        robot.clickOn("#loginButton");
        waitFor("#performanceList", 90);
        robot.clickOn("#performanceSearch").write("Tempest");
        @SuppressWarnings("unchecked")
        ListView<Counter.PerformanceRow> list = robot.lookup("#performanceList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> list.getItems().stream()
                .anyMatch(r -> r.seated() && "ON_SALE".equals(r.status()) && r.title().contains("Tempest")));
        Counter.PerformanceRow row = list.getItems().stream()
                .filter(r -> r.seated() && "ON_SALE".equals(r.status())).findFirst().orElseThrow();
        robot.interact(() -> list.getSelectionModel().select(row));
        SeatMapView map = robot.lookup("#seatMap").queryAs(SeatMapView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> map.getSeats().size() > 100);
        WaitForAsyncUtils.waitForFxEvents();

        // 1. Sell two seats for cash.
        List<Long> pair = freePair(map);
        robot.interact(() -> pair.forEach(id -> map.getSelection().select(id)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pair.stream().allMatch(id -> map.getStatus(id) == SeatStatus.HELD_BY_ME));
        waitFor("#priceType-1", 10);
        robot.clickOn("#customerName").write("Sam Swap");
        robot.press(KeyCode.F8).release(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#tendered").write(plain(minorOf(text("#totalLabel"))));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> text("#orderNumber").startsWith("Order ") && !text("#confirmationDetail").isEmpty());
        String number = text("#orderNumber").substring("Order ".length()).trim();

        // 2. Find the order, tick the first ticket, Exchange (Ctrl+E).
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        robot.clickOn("#orderSearch").write(number).type(KeyCode.ENTER);
        waitFor("#refundTicket-1", 30);
        robot.clickOn("#refundTicket-0");
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitFor("#exchangeSeatMap", 10);
        SeatMapView exchangeMap = robot.lookup("#exchangeSeatMap").queryAs(SeatMapView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> exchangeMap.getSeats().size() > 100
                && pair.stream().allMatch(id -> exchangeMap.getStatus(id) == SeatStatus.SOLD));
        @SuppressWarnings("unchecked")
        ComboBox<Counter.PerformanceRow> performance = robot.lookup("#exchangePerformance").queryAs(ComboBox.class);
        assertThat(performance.getValue().id()).as("the same performance by default").isEqualTo(row.id());
        Counter.OrderDetail old = findOrder(number);
        String oldTicketId = old.tickets().get(0).id();
        String keptTicketId = old.tickets().get(1).id();

        // 3. Click a free seat on the exchange map: it is held for this counter and gets a price line.
        long newSeat = freePair(exchangeMap).get(0);
        robot.interact(() -> exchangeMap.getSelection().select(newSeat));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> exchangeMap.getStatus(newSeat) == SeatStatus.HELD_BY_ME);
        waitFor("#exchangePriceType-0", 10);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#exchangeReason").write("Wants an aisle seat");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#exchangeReason").queryAs(javafx.scene.control.TextField.class)
                .getText().equals("Wants an aisle seat"));
        String difference = text("#exchangeDifference");
        if (difference.startsWith("Customer pays")) {
            robot.clickOn("#exchangeTendered").write(plain(minorOf(difference) + 500));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text("#exchangeDifference").contains("change"));
        }
        shot("6-exchange");
        robot.clickOn("#exchangeConfirm");

        // 4. The server confirms; the new tickets are saved as PDF and the QR verifies.
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> text("#exchangeResult").startsWith("Exchanged. New order")
                || text("#exchangeMessage").length() > 0 && !text("#exchangeMessage").startsWith("Working"));
        assertThat(text("#exchangeResult")).as(text("#exchangeMessage")).startsWith("Exchanged. New order");
        assertThat(text("#exchangeResult")).matches("Exchanged\\. New order [A-Z0-9]{3}-[A-Z0-9]{3}");
        String savedText = text("#exchangeSaved");
        assertThat(savedText).startsWith("New tickets saved as ");
        Path pdf = Path.of(savedText.substring("New tickets saved as ".length()).trim());
        String newToken = decodeQr(Files.readAllBytes(pdf), 0);
        SignedToken signed = TicketTokenCodec.decode(newToken);
        List<SigningKeyEntry> keys = app.services().store().read(s -> s.createSelectionQuery("from SigningKeyEntry", SigningKeyEntry.class)
                .getResultList());
        assertThat(TicketTokenCodec.verify(signed, id -> keys.stream().filter(k -> k.keyId().equals(id)).findFirst()
                .map(k -> VerifyingKey.ofBase64(k.publicKey())).orElse(null))).isTrue();
        assertThat(signed.token().seatId()).isEqualTo(newSeat);
        assertThat(exchangeMap.getStatus(newSeat)).isEqualTo(SeatStatus.SOLD);

        // 5. Back on the order: the old ticket is shown as exchanged, the other one is still valid.
        robot.clickOn("#exchangeDone");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#refundTicket-0").tryQuery()
                .map(n -> ((CheckBox) n).getText().contains("EXCHANGED")).orElse(false));
        assertThat(((CheckBox) robot.lookup("#refundTicket-0").query()).isDisabled()).isTrue();
        assertThat(((CheckBox) robot.lookup("#refundTicket-1").query()).getText()).contains("VALID");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> map.getStatus(pair.get(0)) == SeatStatus.FREE);

        // 6. At the gate (the shared rule over this replica, at the performance's start) the old ticket is refused.
        Counter.OrderDetail after = findOrder(number);
        String oldToken = after.tickets().stream().filter(t -> t.id().equals(oldTicketId)).findFirst().orElseThrow().token();
        String keptToken = after.tickets().stream().filter(t -> t.id().equals(keptTicketId)).findFirst().orElseThrow().token();
        com.admitone.client.gate.GateService gate = new com.admitone.client.gate.GateService(app.services().store(),
                app.services().outbox(), Clock.fixed(after.startsAt(), java.time.ZoneOffset.UTC), () -> null);
        com.admitone.client.gate.GateSettings at = new com.admitone.client.gate.GateSettings(row.id(), "Main door",
                com.admitone.model.gate.ScanMode.ENTRY);
        assertThat(gate.judge(oldToken, at).verdict()).isEqualTo(com.admitone.model.gate.Verdict.EXCHANGED);
        assertThat(gate.judge(keptToken, at).verdict()).isEqualTo(com.admitone.model.gate.Verdict.ADMIT);
        assertThat(gate.judge(newToken, at).verdict()).isEqualTo(com.admitone.model.gate.Verdict.ADMIT);

        // 7. With the venue's approval limit at 10.00, refunding the other ticket (42.00) needs a manager.
        com.admitone.server.testing.ApiClient manager = server.loginAs("manager");
        long venue = -1;
        for (var p : manager.get("/api/performances").json()) {
            if (p.get("id").asLong() == row.id()) {
                venue = p.get("venueId").asLong();
            }
        }
        String policy = "/api/venues/" + venue + "/refund-policy";
        assertThat(manager.send("PUT", policy, java.util.Map.of("approvalAboveMinor", 1000)).status()).isEqualTo(200);
        try {
            robot.clickOn("#refundTicket-1");
            robot.clickOn("#refundReason").write("Cannot come after all");
            robot.clickOn("#refundButton");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text("#orderMessage").contains("needs a manager"));
            waitFor("#refundManagerUser", 5);
            robot.clickOn("#refundManagerUser").write("manager");
            robot.clickOn("#refundManagerPassword").write("wrong-password");
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text("#orderMessage").contains("Wrong username or password"));
            assertThat(((CheckBox) robot.lookup("#refundTicket-1").query()).getText()).contains("VALID");
            robot.clickOn("#refundManagerPassword").write("manager-demo");
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#orderMessage").startsWith("Refunded 1"));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#refundTicket-1").tryQuery()
                    .map(n -> ((CheckBox) n).getText().contains("REFUNDED")).orElse(false));
            assertThat(manager.get("/api/audit?limit=30").body()).contains("approve_refund").contains("approvedBy");
        } finally {
            manager.send("PUT", policy, java.util.Map.of("approvalAboveMinor", 10_000));
        }
    }

    /** The replica's order with this number (read off the JavaFX thread, as the store demands). */
    private Counter.OrderDetail findOrder(String number) throws Exception {
        Counter counter = new Counter(app.services().store(), app.services().outbox(), () -> null, () -> null, "test",
                Clock.systemUTC());
        Counter.OrderHit hit = counter.searchReplica(number).stream().filter(h -> number.equals(h.number())).findFirst().orElseThrow();
        return counter.order(hit.id());
    }

    /** Two FREE seats side by side (ids in a row, same zone) near the middle of the seat list. */
    private static List<Long> freePair(SeatMapView map) throws Exception {
        List<com.admitone.client.ui.boxoffice.seatmap.MapSeat> seats = map.getSeats();
        for (int i = seats.size() / 3; i < seats.size() - 1; i++) {
            var a = seats.get(i);
            var b = seats.get(i + 1);
            if (a.row().equals(b.row()) && a.section().equals(b.section()) && a.zone().equals(b.zone())
                    && map.getStatus(a.id()) == SeatStatus.FREE && map.getStatus(b.id()) == SeatStatus.FREE
                    && a.flags().isEmpty() && b.flags().isEmpty()) {
                return List.of(a.id(), b.id());
            }
        }
        throw new AssertionError("no two free seats together");
    }

    /**
     * With -Dboxoffice.screenshots=DIR, saves the window as DIR/boxoffice-NAME.png (a JavaFX snapshot
     * of the scene, rendered by the same software pipeline the test runs on).
     */
    private void shot(String name) throws Exception {
        String dir = System.getProperty("boxoffice.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Scene scene = robot.lookup("#boxOfficeTabs").query().getScene();
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> image = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> image.set(scene.snapshot(null)));
        Path file = Path.of(dir).resolve("boxoffice-" + name + ".png");
        Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
    }

    /** Reads a ticket's QR code the way the gate's scan tool reads a photo: every try, at two resolutions. */
    static String decodeQr(byte[] pdf, int page) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            com.admitone.client.gate.QrImageDecoder decoder = new com.admitone.client.gate.QrImageDecoder();
            for (int dpi : new int[]{150, 200}) {
                java.util.Optional<String> text = decoder.decode(new PDFRenderer(doc).renderImageWithDPI(page, dpi));
                if (text.isPresent()) {
                    return text.get();
                }
            }
            throw new AssertionError("no QR code readable on page " + page);
        }
    }

    private static long minorOf(String money) {
        String digits = money.replaceAll("[^0-9]", "");
        return Long.parseLong(digits);
    }

    private static String plain(long minor) {
        return java.math.BigDecimal.valueOf(minor).movePointLeft(2).toPlainString();
    }

    private String text(String query) {
        Optional<Node> node = robot.lookup(query).tryQuery();
        return node.map(n -> ((Label) n).getText()).map(s -> s == null ? "" : s).orElse("");
    }

    private void waitFor(String query, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            Optional<Node> node = robot.lookup(query).tryQuery();
            return node.isPresent() && node.get().isVisible() && node.get().getScene() != null;
        });
    }
}
