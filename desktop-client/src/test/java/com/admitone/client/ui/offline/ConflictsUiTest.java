package com.admitone.client.ui.offline;

import com.admitone.client.AdmitOneApp;
import com.admitone.client.auth.DeviceEnrolment;
import com.admitone.client.offline.OfflineAdmin;
import com.admitone.client.offline.OfflineSales;
import com.admitone.client.offline.OfflineSellingIT;
import com.admitone.client.store.LocalStore;
import com.admitone.client.sync.ApiTimeouts;
import com.admitone.client.testing.ClientUnderTest;
import com.admitone.client.testing.SaleCommands;
import com.admitone.model.offline.ProvisionalPolicy;
import com.admitone.model.sync.Commands;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import com.admitone.client.ui.boxoffice.seatmap.SeatMapView;
import com.admitone.client.ui.boxoffice.seatmap.SeatStatus;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
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
 * The conflicts inbox on a headless screen against a real server: two tills sold the same seat
 * offline under a strict policy, so the second sale is a conflict; a manager sees it in Sync &
 * devices, Conflicts, marks it resolved with a note, and the inbox shows it resolved; a second
 * conflict gets another seat clicked on the inbox's seat map. The Allotments tab shows the leases
 * of the tills.
 */
class ConflictsUiTest {
    final FxRobot robot = new FxRobot();
    AdmitOneApp app;
    TestServer server;
    long otherSeat;

    @TempDir
    Path dataDir;
    @TempDir
    Path da;
    @TempDir
    Path db;

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
    void aManagerSeesAndSettlesAConflict() throws Exception {
        FxToolkit.registerPrimaryStage();
        server = TestServer.start(Backend.SQLITE);
        try (LocalStore store = LocalStore.open(dataDir)) {
            new DeviceEnrolment(store, ApiTimeouts.DEFAULT, Clock.systemUTC()).enrol(server.baseUrl(), "Office", "manager", "manager-demo");
        }
        try (ClientUnderTest a = new ClientUnderTest(da, server.baseUrl(), "Till A", "manager", "manager-demo");
             ClientUnderTest b = new ClientUnderTest(db, server.baseUrl(), "Till B", "boxoffice", "boxoffice-demo")) {
            OfflineSellingIT.sync(a);
            OfflineSellingIT.sync(b);
            long performance = OfflineSellingIT.performanceWithPolicy(a.store, ProvisionalPolicy.ACCEPT_OR_MOVE, 0);
            List<Long> seats = OfflineSellingIT.freeSeats(a.store, performance, 8);
            otherSeat = seats.get(7);
            a.outbox.record(new Commands.SetProvisionalPolicy(performance, ProvisionalPolicy.ACCEPT_IF_FREE, "test"), a.author());
            a.outbox.record(OfflineSellingIT.allotFor(a, performance, b, seats.subList(2, 6)), a.author());
            assertThat(OfflineSellingIT.sync(a).rejected()).isZero();
            OfflineSellingIT.sync(b);
            OfflineSales.Recorded first = a.sales.sell(SaleCommands.adultCashSale(a.store, performance, seats.subList(0, 1)), a.author());
            OfflineSales.Recorded second = b.sales.sell(SaleCommands.adultCashSale(b.store, performance, seats.subList(0, 1)), b.author());
            assertThat(first.kind()).isEqualTo(OfflineSales.Kind.PROVISIONAL);
            assertThat(second.kind()).isEqualTo(OfflineSales.Kind.PROVISIONAL);
            // A second clash, on seat 1: settled below with another seat picked on the map.
            a.sales.sell(SaleCommands.adultCashSale(a.store, performance, seats.subList(1, 2)), a.author());
            b.sales.sell(SaleCommands.adultCashSale(b.store, performance, seats.subList(1, 2)), b.author());
            OfflineSellingIT.sync(a);
            OfflineSellingIT.sync(b);
        }

        AdmitOneApp.configure(new AdmitOneApp.LaunchOptions(dataDir, null, ApiTimeouts.DEFAULT.withRead(Duration.ofSeconds(30))));
        app = (AdmitOneApp) FxToolkit.setupApplication(AdmitOneApp.class);
        waitFor("#usernameField", 180);
        robot.clickOn("#usernameField").write("manager");
        robot.clickOn("#passwordField").write("manager-demo");
        robot.clickOn("#loginButton");
        waitFor("#performanceList", 120);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        waitFor("#syncTabs", 30);
        TabPane tabs = robot.lookup("#syncTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        @SuppressWarnings("unchecked")
        ListView<OfflineAdmin.ConflictRow> list = robot.lookup("#conflictList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> list.getItems().stream().filter(OfflineAdmin.ConflictRow::open).count() == 2);
        robot.interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#conflictDetail").contains("free seat"));
        shot("conflicts-inbox");

        robot.clickOn("#conflictResolve");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#conflictMessage").contains("note"));
        robot.clickOn("#conflictNote").write("Customer took a voucher");
        robot.clickOn("#conflictResolve");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#conflictMessage").startsWith("Done"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> list.getItems().stream()
                .anyMatch(r -> "RESOLVED".equals(r.status()) && "Customer took a voucher".equals(r.note())));

        // The other conflict: pick a free seat on the map with the mouse and give it to the customer.
        robot.interact(() -> list.getSelectionModel().clearSelection());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> list.getItems().stream().filter(OfflineAdmin.ConflictRow::open).count() == 1);
        robot.interact(() -> list.getItems().stream().filter(OfflineAdmin.ConflictRow::open).findFirst()
                .ifPresent(r -> list.getSelectionModel().select(r)));
        SeatMapView map = robot.lookup("#conflictSeatMap").queryAs(SeatMapView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> map.getSeat(otherSeat) != null && map.getStatus(otherSeat) == SeatStatus.FREE);
        robot.interact(map::fitToWindow);
        robot.interact(() -> map.zoomAt(4, map.seatCentre(otherSeat).getX(), map.seatCentre(otherSeat).getY()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(map.localToScreen(map.seatCentre(otherSeat)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> map.getSelection().isSelected(otherSeat));
        robot.clickOn("#conflictOtherSeats");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#conflictMessage").startsWith("Done: the customer has the new seats"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> list.getItems().stream().noneMatch(OfflineAdmin.ConflictRow::open)
                && list.getItems().stream().anyMatch(r -> "OTHER_SEATS".equals(r.resolution())));

        // The allotments tab lists till B's lease.
        robot.interact(() -> tabs.getSelectionModel().select(2));
        @SuppressWarnings("unchecked")
        ListView<OfflineAdmin.AllotmentRow> allotments = robot.lookup("#allotmentList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> allotments.getItems().stream().anyMatch(r -> r.device().equals("Till B")));
        @SuppressWarnings("unchecked")
        ComboBox<OfflineAdmin.PerformanceRow> performanceChoice = robot.lookup("#allotmentPerformance").queryAs(ComboBox.class);
        long wanted = allotments.getItems().get(0).performanceId();
        robot.interact(() -> performanceChoice.getItems().stream().filter(p -> p.id() == wanted).findFirst()
                .ifPresent(performanceChoice::setValue));
        Thread.sleep(1500);
        shot("allotments");

        // A general-admission quota: the places come from the area picked for the performance (a timed slot).
        LocalStore replica = app.services().store();
        long slot = replica.read(st -> st.createSelectionQuery("select p.id from Performance p where p.status = 'ON_SALE' "
                + "and p.startsAt > :now and p.venueId in (select a.venueId from GaArea a) order by p.startsAt", Long.class)
                .setParameter("now", java.time.Instant.now()).setMaxResults(1).getSingleResult());
        long area = replica.read(st -> st.createSelectionQuery("select a.id from GaArea a where a.venueId = "
                + "(select p.venueId from Performance p where p.id = :p) order by a.id", Long.class).setParameter("p", slot)
                .setMaxResults(1).getSingleResult());
        robot.interact(() -> performanceChoice.getItems().stream().filter(p -> p.id() == slot).findFirst()
                .ifPresent(performanceChoice::setValue));
        @SuppressWarnings("unchecked")
        ComboBox<com.admitone.client.sales.Counter.AreaRow> areaChoice = robot.lookup("#allotmentArea").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> areaChoice.isVisible() && !areaChoice.getItems().isEmpty());
        robot.interact(() -> areaChoice.getItems().stream().filter(a -> a.id() == area).findFirst().ifPresent(areaChoice::setValue));
        @SuppressWarnings("unchecked")
        ComboBox<OfflineAdmin.DeviceRow> deviceChoice = robot.lookup("#allotmentDevice").queryAs(ComboBox.class);
        robot.interact(() -> deviceChoice.getItems().stream().filter(d -> d.name().equals("Till B")).findFirst()
                .ifPresent(deviceChoice::setValue));
        robot.clickOn("#allotmentPlaces").write("2");
        robot.clickOn("#leaseButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> replica.read(st -> st.createSelectionQuery(
                "from Allotment where performanceId = :p", com.admitone.client.store.replica.Allotment.class)
                .setParameter("p", slot).getResultList()).stream().anyMatch(al -> Integer.valueOf(2).equals(al.areaPlaces().get(area))));
    }

    private void shot(String name) throws Exception {
        String dir = System.getProperty("boxoffice.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        javafx.scene.Scene scene = robot.lookup("#syncTabs").query().getScene();
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
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            Optional<Node> node = robot.lookup(query).tryQuery();
            return node.isPresent() && node.get().isVisible() && node.get().getScene() != null;
        });
    }
}
