package com.admitone.client.ui.boxoffice;

import com.admitone.client.AdmitOneApp;
import com.admitone.client.auth.DeviceEnrolment;
import com.admitone.client.offline.OfflineSellingIT;
import com.admitone.client.sales.Counter;
import com.admitone.client.store.DeviceCredentials;
import com.admitone.client.store.LocalStore;
import com.admitone.client.store.OutboxItem;
import com.admitone.client.store.replica.Performance;
import com.admitone.client.sync.ApiTimeouts;
import com.admitone.client.testing.AnswerDroppingProxy;
import com.admitone.client.testing.ClientUnderTest;
import com.admitone.client.ui.boxoffice.seatmap.SeatMapView;
import com.admitone.client.ui.boxoffice.seatmap.SeatStatus;
import com.admitone.model.offline.ProvisionalPolicy;
import com.admitone.model.sync.Commands;
import com.admitone.model.ticket.TicketTokenCodec;
import com.admitone.server.AdmitOneServer;
import com.admitone.server.ServerConfig;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working offline on a headless screen against a real server that is stopped mid-test: the
 * OFFLINE badge appears by itself, a sale of this computer's allotment seats is shown as
 * guaranteed and its tickets are saved at once, signed by this device; when the server is back
 * the badge goes and the sale shows the server's order number.
 */
class OfflineBoxOfficeUiTest {
    final FxRobot robot = new FxRobot();
    AdmitOneApp app;
    AdmitOneServer server;

    @TempDir
    Path serverDir;
    @TempDir
    Path dataDir;
    @TempDir
    Path managerDir;

    @BeforeAll
    static void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void offlineBadgeAndAGuaranteedSaleFromTheAllotment() throws Exception {
        server = AdmitOneServer.start(ServerConfig.sqlite(0, serverDir).withDemo(true, 2));
        int port = server.port();
        String url = "http://127.0.0.1:" + port;
        DeviceCredentials till;
        try (LocalStore store = LocalStore.open(dataDir)) {
            till = new DeviceEnrolment(store, ApiTimeouts.DEFAULT, Clock.systemUTC()).enrol(url, "Counter 1", "manager", "manager-demo");
        }
        long performance;
        List<Long> seats;
        try (ClientUnderTest manager = new ClientUnderTest(managerDir, url, "Office", "manager", "manager-demo")) {
            OfflineSellingIT.sync(manager);
            performance = OfflineSellingIT.performanceWithPolicy(manager.store, ProvisionalPolicy.ACCEPT_OR_MOVE, 0);
            seats = OfflineSellingIT.freeSeats(manager.store, performance, 2);
            long p = performance;
            Instant starts = manager.store.read(s -> s.find(Performance.class, p).startsAt());
            manager.outbox.record(new Commands.AllotSeats(UUID.randomUUID(), performance, till.deviceId(), seats, List.of(), starts),
                    manager.author());
            assertThat(OfflineSellingIT.sync(manager).rejected()).isZero();
        }

        AdmitOneApp.configure(new AdmitOneApp.LaunchOptions(dataDir, null, ApiTimeouts.offlineAfter(Duration.ofSeconds(2))
                .withRead(Duration.ofSeconds(20))));
        app = (AdmitOneApp) FxToolkit.setupApplication(AdmitOneApp.class);
        waitFor("#usernameField", 60);
        robot.clickOn("#usernameField").write("boxoffice");
        robot.clickOn("#passwordField").write("boxoffice-demo");
        robot.clickOn("#loginButton");
        waitFor("#performanceList", 90);
        @SuppressWarnings("unchecked")
        ListView<Counter.PerformanceRow> list = robot.lookup("#performanceList").queryAs(ListView.class);
        long wanted = performance;
        // The first sync fills the replica; the picker lists what it holds when searched again.
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> app.services().connection().engine().status().appliedSeq() > 0
                && app.services().connection().engine().status().waiting() == 0 && app.services().store().deviceKey() != null
                && app.services().store().deviceKey().certificate() != null);
        robot.clickOn("#performanceSearch").write("Tempest");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> list.getItems().stream().anyMatch(r -> r.id() == wanted));
        assertThat(robot.lookup("#offlineBadge").query().isVisible()).isFalse();

        // The server goes away: the badge comes by itself.
        server.close();
        server = null;
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#offlineBadge").query().isVisible());
        assertThat(text("#offlineBadge")).isEqualTo("OFFLINE");
        assertThat(text("#statusConnection")).startsWith("Offline");

        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream().filter(r -> r.id() == wanted).findFirst().orElseThrow()));
        SeatMapView map = robot.lookup("#seatMap").queryAs(SeatMapView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> map.getSeats().size() > 100
                && seats.stream().allMatch(id -> map.getStatus(id) == SeatStatus.ALLOTTED_TO_ME));
        robot.interact(() -> seats.forEach(id -> map.getSelection().select(id)));
        waitFor("#priceType-1", 10);
        shot("offline-badge");

        String total = text("#totalLabel");
        robot.clickOn("#customerName").write("Sam Offline");
        robot.press(KeyCode.F8).release(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#tendered").write(total.replaceAll("[^0-9.]", ""));
        robot.type(KeyCode.ENTER);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#orderNumber").equals("Guaranteed sale")
                    && text("#confirmationDetail").contains("allotment"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("order " + text("#orderNumber") + " / " + text("#confirmationDetail") + "; message "
                    + text("#boxOfficeMessage") + "; outbox " + app.services().outbox().recent(3).stream()
                    .map(i -> i.commandType() + " " + i.status()).toList(), e);
        }
        // The tickets are saved at once (no printer here), signed by this computer's own key.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#savedPath").contains(".pdf"));
        String saved = text("#savedPath");
        Path pdf = Path.of(saved.substring(saved.lastIndexOf(' ') + 1).trim());
        String token = BoxOfficeUiTest.decodeQr(Files.readAllBytes(pdf), 0);
        String deviceKeyId = app.services().store().deviceKey().keyId();
        assertThat(TicketTokenCodec.decode(token).token().keyId()).isEqualTo(deviceKeyId);
        assertThat(app.services().connection().engine().status().waiting()).isEqualTo(1);
        shot("offline-guaranteed-sale");

        // The server is back on the same database: the badge goes and the sale gets its order number.
        server = AdmitOneServer.start(ServerConfig.sqlite(port, serverDir).withDemo(true, 2));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#offlineBadge").query().isVisible());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text("#orderNumber").startsWith("Order "));
        WaitForAsyncUtils.waitForFxEvents(); // the detail is set just after the title, in the same FX event
        assertThat(text("#confirmationDetail")).contains("Confirmed");
    }

    @Test
    void anOnlineSaleCaughtByANetworkDropWaitsPlainlyAndPrintsWhenTheServerConfirmsIt() throws Exception {
        try (TestServer testServer = TestServer.start(Backend.SQLITE);
             AnswerDroppingProxy network = new AnswerDroppingProxy(testServer.port())) {
            try (LocalStore store = LocalStore.open(dataDir)) {
                new DeviceEnrolment(store, ApiTimeouts.DEFAULT, Clock.systemUTC()).enrol(network.url(), "Counter 2", "manager",
                        "manager-demo");
            }
            AdmitOneApp.configure(new AdmitOneApp.LaunchOptions(dataDir, null, ApiTimeouts.offlineAfter(Duration.ofSeconds(2))
                    .withRead(Duration.ofSeconds(20))));
            app = (AdmitOneApp) FxToolkit.setupApplication(AdmitOneApp.class);
            waitFor("#usernameField", 60);
            robot.clickOn("#usernameField").write("boxoffice");
            robot.clickOn("#passwordField").write("boxoffice-demo");
            robot.clickOn("#loginButton");
            waitFor("#performanceList", 90);
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> app.services().connection().engine().status().appliedSeq() > 0
                    && app.services().connection().engine().status().waiting() == 0);
            LocalStore replica = app.services().store();
            long performance = OfflineSellingIT.performanceWithPolicy(replica, ProvisionalPolicy.ACCEPT_OR_MOVE, 0);
            List<Long> seats = OfflineSellingIT.freeSeats(replica, performance, 2);
            @SuppressWarnings("unchecked")
            ListView<Counter.PerformanceRow> list = robot.lookup("#performanceList").queryAs(ListView.class);
            robot.clickOn("#performanceSearch").write("Tempest");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> list.getItems().stream().anyMatch(r -> r.id() == performance));
            robot.interact(() -> list.getSelectionModel().select(list.getItems().stream().filter(r -> r.id() == performance)
                    .findFirst().orElseThrow()));
            SeatMapView map = robot.lookup("#seatMap").queryAs(SeatMapView.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> map.getSeats().size() > 100);
            robot.interact(() -> seats.forEach(id -> map.getSelection().select(id)));
            // Online: the seats are held on the server for this sale.
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> seats.stream().allMatch(id -> map.getStatus(id) == SeatStatus.HELD_BY_ME));
            waitFor("#priceType-1", 10);
            // The holds answered and their changes pulled, and no sync still queued: the box office waits
            // for a hold to settle by asking for a sync every 60 ms, and one sync without an answer switches
            // the till offline, so a drop before that sent the sale down the offline path ("Provisional sale").
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.services().outbox().recent(50).stream()
                    .allMatch(item -> item.status() == OutboxItem.Status.APPLIED && item.settled()));
            assertThat(app.services().connection().engine().syncNow().get(30, TimeUnit.SECONDS).online()).isTrue();

            // The network drops while the sale is on its way: the server sells, the answer never arrives.
            network.dropAnswers(true);
            String total = text("#totalLabel");
            robot.press(KeyCode.F8).release(KeyCode.F8);
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#tendered").write(total.replaceAll("[^0-9.]", ""));
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text("#orderNumber").equals("Waiting for the server"));
            // The title and the detail are set one after the other in one FX event, and text() reads them
            // from this thread: let that event finish before reading the detail.
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(text("#confirmationDetail")).contains("not confirmed yet").contains("Do not sell it again")
                    .contains("print by themselves");
            assertThat(text("#savedPath")).as("nothing printed before the server confirms").isEmpty();
            shot("online-sale-waiting");

            // The network is back: the sale is confirmed by itself and its tickets are saved (no printer here).
            network.dropAnswers(false);
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> text("#orderNumber").startsWith("Order ")
                    && text("#savedPath").contains(".pdf"));
            assertThat(text("#confirmationDetail")).contains("Confirmed by the server");
            String saved = text("#savedPath");
            Path pdf = Path.of(saved.substring(saved.lastIndexOf(' ') + 1).trim());
            String token = BoxOfficeUiTest.decodeQr(Files.readAllBytes(pdf), 0);
            assertThat(TicketTokenCodec.decode(token).token().keyId()).as("signed by the server")
                    .isNotEqualTo(app.services().store().deviceKey().keyId());
            assertThat(app.services().outbox().counts().waiting()).isZero();
        }
    }

    private void shot(String name) throws Exception {
        String dir = System.getProperty("boxoffice.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        javafx.scene.Scene scene = robot.lookup("#boxOfficeTabs").query().getScene();
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> image = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> image.set(scene.snapshot(null)));
        Path file = Path.of(dir).resolve(name + ".png");
        Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
    }

    private String text(String query) {
        Optional<Node> node = robot.lookup(query).tryQuery();
        return node.map(n -> ((Label) n).getText()).map(s -> s == null ? "" : s).orElse("");
    }

    private void waitFor(String query, int seconds) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                Optional<Node> node = robot.lookup(query).tryQuery();
                return node.isPresent() && node.get().isVisible() && node.get().getScene() != null;
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no " + query + "; windows: " + javafx.stage.Window.getWindows().stream()
                    .map(w -> (w instanceof javafx.stage.Stage st ? st.getTitle() : "?") + " " + w.isShowing() + " "
                            + (w.getScene() == null ? null : w.getScene().getRoot())).toList(), e);
        }
    }
}
