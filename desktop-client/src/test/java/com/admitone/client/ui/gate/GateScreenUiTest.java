package com.admitone.client.ui.gate;

import com.admitone.client.gate.GateService;
import com.admitone.client.testing.ClientUnderTest;
import com.admitone.client.ui.common.ControllerFactory;
import com.admitone.client.ui.common.FxmlFile;
import com.admitone.client.ui.common.Strings;
import com.admitone.client.ui.common.ViewLoader;
import com.admitone.server.testing.ApiClient;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.admitone.server.testing.ApiClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate screen on a headless screen (Monocle) with a replica synced from a real sync server:
 * a keyboard-wedge scan of a sold ticket is green, the same ticket again orange with the first
 * scan's time and gate, a refunded ticket red.
 */
class GateScreenUiTest {
    static TestServer server;
    static ClientUnderTest gateClient;
    static ExecutorService background;
    final FxRobot robot = new FxRobot();

    @TempDir
    static Path dataDir;

    static long performance;
    static Instant startsAt;
    static String validToken;
    static String refundedToken;

    @BeforeAll
    static void setUp() throws Exception {
        server = TestServer.start(Backend.SQLITE, 2);
        ApiClient boxOffice = server.loginAs("boxoffice");
        performance = boxOffice.freshTheatrePerformance();
        for (JsonNode p : boxOffice.get("/api/performances").json()) {
            if (p.get("id").asLong() == performance) {
                startsAt = Instant.parse(p.get("startsAt").asText());
            }
        }
        JsonNode map = boxOffice.seatMap(performance);
        JsonNode sold = boxOffice.command(ApiClient.sellCommand(map, ApiClient.seats(map, 0, 2), "ADULT", null));
        validToken = sold.at("/data/tickets/0/token").asText();
        refundedToken = sold.at("/data/tickets/1/token").asText();
        ObjectNode refund = JSON.createObjectNode();
        refund.put("type", "RefundTickets");
        refund.put("orderId", sold.at("/data/orderId").asText());
        refund.putArray("ticketIds").add(sold.at("/data/tickets/1/id").asText());
        refund.put("reason", "changed plans");
        assertThat(boxOffice.command(refund).get("status").asText()).isEqualTo("APPLIED");

        gateClient = new ClientUnderTest(dataDir, server.baseUrl(), "North gate PC", "gate", "gate-demo");
        gateClient.engine.syncNow().get(180, TimeUnit.SECONDS);
        background = Executors.newFixedThreadPool(2);
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
        gateClient.close();
        server.close();
    }

    @Test
    void wedgeScansShowAdmitThenAlreadyAdmittedAndRefundedIsRejected() throws Exception {
        Clock atTheDoor = Clock.fixed(startsAt.minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        ZoneId zone = ZoneOffset.UTC;
        Strings strings = Strings.load(Locale.ENGLISH);
        GateService service = new GateService(gateClient.store, gateClient.outbox, atTheDoor, gateClient::author);
        GateViewModel model = new GateViewModel(service, gateClient.store, background, strings, zone, atTheDoor, "North");
        ControllerFactory controllers = new ControllerFactory()
                .register(GateController.class, () -> new GateController(model, background));
        ViewLoader views = new ViewLoader(strings, controllers);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(views.load(FxmlFile.GATE).root(), 1280, 720));
            stage.show();
        });
        robot.interact(() -> {
            GateViewModel.PerformanceChoice choice = new GateViewModel.PerformanceChoice(performance, "The test performance");
            model.performances().add(0, choice);
            model.performanceProperty().set(choice);
        });

        wedge(validToken);
        awaitHeadline("ADMIT");
        assertThat(panelClasses()).contains("verdict-admit");
        assertThat(text("#verdictDetail")).contains("Adult");
        screenshot("gate-admit");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#gateCounters").startsWith("Admitted 1 /"));

        wedge(validToken);
        awaitHeadline("ALREADY ADMITTED");
        assertThat(panelClasses()).contains("verdict-already");
        String firstScanTime = java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(atTheDoor.instant().atZone(zone));
        assertThat(text("#verdictDetail")).contains(firstScanTime).contains("North");
        screenshot("gate-already-admitted");

        wedge(refundedToken);
        awaitHeadline("REJECTED");
        assertThat(panelClasses()).contains("verdict-reject");
        assertThat(text("#verdictDetail")).containsIgnoringCase("refunded");
        screenshot("gate-rejected");

        // Every scan went to the outbox as a RecordScans command, for the server and the other gates.
        long recorded = gateClient.store.read(s -> s.createSelectionQuery(
                "select count(*) from OutboxItem where commandType = 'RecordScans'", Long.class).getSingleResult());
        assertThat(recorded).isEqualTo(3);
    }

    /** With -Dadmitone.screenshots=DIR, saves a picture of the screen (Monocle renders in software). */
    private void screenshot(String name) throws Exception {
        String dir = System.getProperty("admitone.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> image = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> image.set(robot.lookup("#verdictPanel").query().getScene().snapshot(null)));
        java.nio.file.Files.createDirectories(Path.of(dir));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image.get(), null), "png",
                Path.of(dir, name + ".png").toFile());
    }

    /** Types the text as a scanner does: every character within a few milliseconds, then Enter. */
    private void wedge(String text) {
        robot.interact(() -> {
            Stage stage = (Stage) robot.listTargetWindows().stream().filter(w -> w instanceof Stage && w.isShowing())
                    .reduce((a, b) -> b).orElseThrow();
            Scene scene = stage.getScene();
            Node target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
            for (char c : text.toCharArray()) {
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED,
                        false, false, false, false));
            }
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "\r", "", KeyCode.ENTER, false, false, false, false));
        });
    }

    private void awaitHeadline(String expected) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> expected.equals(text("#verdictHeadline")));
    }

    private List<String> panelClasses() {
        return robot.lookup("#verdictPanel").query().getStyleClass();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
