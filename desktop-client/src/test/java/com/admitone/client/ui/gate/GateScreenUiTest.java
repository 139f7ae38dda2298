package com.admitone.client.ui.gate;

import com.admitone.client.gate.Camera;
import com.admitone.client.gate.CameraUnavailableException;
import com.admitone.client.gate.Cameras;
import com.admitone.client.gate.GateService;
import com.admitone.client.gate.GroupTickets;
import com.admitone.client.gate.TicketPhotos;
import com.admitone.model.ticket.TicketTokenCodec;
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
import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.util.Pair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.admitone.server.testing.ApiClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate screen on a headless screen (Monocle) with a replica synced from a real sync server:
 * a keyboard-wedge scan of a sold ticket is green, the same ticket again orange with the first
 * scan's time and gate, a refunded ticket red; a camera's frames, the manual look-up and a group's
 * headcount.
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
    static String cameraToken;
    static String lookupOrderNumber;
    static String groupToken;
    static String reentryToken;

    @BeforeAll
    static void setUp() throws Exception {
        server = TestServer.start(Backend.SQLITE);
        ApiClient boxOffice = server.loginAs("boxoffice");
        performance = boxOffice.freshTheatrePerformance();
        startsAt = boxOffice.startsAt(performance);
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

        cameraToken = boxOffice.command(ApiClient.sellCommand(map, ApiClient.seats(map, 2, 1), "ADULT", null))
                .at("/data/tickets/0/token").asText();
        reentryToken = boxOffice.command(ApiClient.sellCommand(map, ApiClient.seats(map, 5, 1), "ADULT", null))
                .at("/data/tickets/0/token").asText();
        ObjectNode family = ApiClient.sellCommand(map, ApiClient.seats(map, 3, 2), "ADULT", null);
        family.putObject("customer").put("name", "Grace Hopper");
        lookupOrderNumber = boxOffice.command(family).at("/data/orderNumber").asText();

        gateClient = new ClientUnderTest(dataDir, server.baseUrl(), "North gate PC", "gate", "gate-demo");
        gateClient.engine.syncNow().get(180, TimeUnit.SECONDS);
        groupToken = GroupTickets.add(gateClient.store, performance, startsAt, 3);
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
        Clock atTheDoor = atTheDoor();
        ZoneId zone = ZoneOffset.UTC;
        long recordedBefore = recordedScans();
        showGate(new PhotoCameras(List.of()));

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
        assertThat(recordedScans() - recordedBefore).isEqualTo(3);
    }

    @Test
    void theCameraReadsATicketHeldUpToItOnceAndShowsAPreview() throws Exception {
        long recordedBefore = recordedScans();
        BufferedImage qr = TicketPhotos.qr(cameraToken, 6);
        List<BufferedImage> frames = new ArrayList<>();
        frames.add(new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB));
        for (int i = 0; i < 12; i++) {
            frames.add(TicketPhotos.photo(qr, 4 + i, 360, i));
        }
        showGate(new PhotoCameras(frames));

        robot.clickOn("#cameraToggle");
        awaitHeadline("ADMIT");
        assertThat(panelClasses()).contains("verdict-admit");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#cameraPreview").queryAs(ImageView.class).getImage() != null);
        // The guest keeps holding the code up: frame after frame, but one scan, no "already admitted".
        Thread.sleep(1500);
        assertThat(text("#verdictHeadline")).isEqualTo("ADMIT");
        assertThat(recordedScans() - recordedBefore).isEqualTo(1);
        robot.clickOn("#cameraToggle");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#cameraPreview").queryAs(ImageView.class).getImage() == null);
    }

    /**
     * A photo of the ticket dropped on the window lets the guest in; at an exit gate the ticket is
     * let out, which frees its admission, so back at the entry it is admitted again (re-entry), and
     * once more is already admitted.
     */
    @Test
    void aDroppedPhotoAdmitsAndAnExitLetsTheTicketBackIn() throws Exception {
        long recordedBefore = recordedScans();
        Path photo = dataDir.resolve("ticket-on-the-counter.png");
        javax.imageio.ImageIO.write(TicketPhotos.photo(TicketPhotos.qr(reentryToken, 5), 12, 300, 5), "png", photo.toFile());
        showGate(new PhotoCameras(List.of()));

        dropFiles(List.of(photo.toFile()));
        awaitHeadline("ADMIT");
        assertThat(panelClasses()).contains("verdict-admit");
        assertThat(admissions(reentryToken)).isEqualTo(1);

        selectMode("#exitToggle");
        wedge(reentryToken);
        awaitHeadline("EXIT OK");
        assertThat(panelClasses()).contains("verdict-admit");

        selectMode("#entryToggle");
        wedge(reentryToken);
        awaitHeadline("ADMIT");
        assertThat(admissions(reentryToken)).as("admitted again after the exit").isEqualTo(2);
        wedge(reentryToken);
        awaitHeadline("ALREADY ADMITTED");
        assertThat(recordedScans() - recordedBefore).as("drop, exit, re-entry and the refusal each recorded").isEqualTo(4);
    }

    @Test
    void noCameraIsSaidPlainly() throws Exception {
        showGate(new Cameras() {
            @Override
            public List<String> names() {
                return List.of();
            }

            @Override
            public Camera open(String name) {
                throw new CameraUnavailableException("No camera found on this computer.");
            }
        });
        robot.clickOn("#cameraToggle");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "No camera found on this computer.".equals(text("#lookupMessage")));
        assertThat(robot.lookup("#cameraToggle").queryAs(ToggleButton.class).isSelected()).isFalse();
    }

    @Test
    void aGuestWithoutATicketIsFoundByOrderNumberAndChecked() throws Exception {
        showGate(new PhotoCameras(List.of()));
        robot.clickOn("#verdictPanel");
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#manualField").query().isFocused());
        robot.write(lookupOrderNumber.toLowerCase().replace("-", "")).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#lookupResults").queryListView().getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#lookupMessage")).contains("2 tickets found");
        screenshot("gate-lookup");
        robot.type(KeyCode.ENTER);
        awaitHeadline("ADMIT");
        assertThat(robot.lookup("#lookupResults").queryListView().getItems()).isEmpty();

        robot.clickOn("#manualField").write("Nobody Known").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#lookupMessage").contains("No ticket"));
    }

    @Test
    void aGroupIsCountedThroughBeforeItIsAdmitted() throws Exception {
        showGate(new PhotoCameras(List.of()));
        long recordedBefore = recordedScans();
        wedge(groupToken);
        awaitHeadline("GROUP: UP TO 3");
        assertThat(panelClasses()).contains("verdict-group");
        assertThat(robot.lookup("#headcountBox").query().isVisible()).isTrue();
        assertThat(recordedScans()).as("nobody is through before the headcount").isEqualTo(recordedBefore);
        screenshot("gate-group-headcount");

        robot.interact(() -> robot.lookup("#headcount").<Spinner<Integer>>query().getValueFactory().setValue(2));
        robot.clickOn("#headcountAdmit");
        awaitHeadline("ADMIT");
        assertThat(text("#verdictDetail")).contains("2 let in now, 2 of 3 in");
        assertThat(robot.lookup("#headcountBox").query().isVisible()).isFalse();

        wedge(groupToken);
        awaitHeadline("GROUP: UP TO 1");
        robot.type(KeyCode.ESCAPE);
        awaitHeadline("READY");
        assertThat(admissions(groupToken)).isEqualTo(2);
    }

    private GateViewModel showGate(Cameras cameras) throws Exception {
        Clock atTheDoor = atTheDoor();
        Strings strings = Strings.load(Locale.ENGLISH);
        GateService service = new GateService(gateClient.store, gateClient.outbox, atTheDoor, gateClient::author);
        GateViewModel model = new GateViewModel(service, gateClient.store, background, strings, ZoneOffset.UTC, atTheDoor, "North");
        ControllerFactory controllers = new ControllerFactory()
                .register(GateController.class, () -> new GateController(model, background, cameras));
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
        return model;
    }

    private static Clock atTheDoor() {
        return Clock.fixed(startsAt.minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
    }

    private static long recordedScans() {
        return gateClient.store.read(s -> s.createSelectionQuery(
                "select count(*) from OutboxItem where commandType = 'RecordScans'", Long.class).getSingleResult());
    }

    private static long admissions(String token) throws Exception {
        String ticketId = TicketTokenCodec.decode(token).token().ticketId().toString();
        return gateClient.store.read(s -> s.createSelectionQuery(
                        "select count(*) from ScanEntry where ticketId = :t and verdict = 'ADMIT'", Long.class)
                .setParameter("t", ticketId).getSingleResult());
    }

    /** Frames from pictures, as a camera would deliver them; the last one repeats. */
    private record PhotoCameras(List<BufferedImage> frames) implements Cameras {
        @Override
        public List<String> names() {
            return List.of("Test camera");
        }

        @Override
        public Camera open(String name) {
            return new Camera() {
                int next;

                @Override
                public String name() {
                    return "Test camera";
                }

                @Override
                public Optional<BufferedImage> grab() {
                    if (frames.isEmpty()) {
                        return Optional.empty();
                    }
                    return Optional.of(frames.get(Math.min(next++, frames.size() - 1)));
                }

                @Override
                public void close() {
                }
            };
        }
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

    /**
     * Drops files on the window as a file manager does: drag-over, then drop, on the scene's root.
     * The dragboard is JavaFX's own, backed by a clipboard holding the files (no system drag in a
     * headless test).
     */
    private void dropFiles(List<java.io.File> files) {
        robot.interact(() -> {
            Stage stage = (Stage) robot.listTargetWindows().stream().filter(w -> w instanceof Stage && w.isShowing())
                    .reduce((a, b) -> b).orElseThrow();
            Node root = stage.getScene().getRoot();
            Dragboard dragboard = DragboardHelper.createDragboard(new FilesClipboard(files));
            DragboardHelper.setDataAccessRestriction(dragboard, false);
            for (EventType<DragEvent> type : List.of(DragEvent.DRAG_OVER, DragEvent.DRAG_DROPPED)) {
                Event.fireEvent(root, new DragEvent(root, root, type, dragboard, 10, 10, 10, 10,
                        TransferMode.COPY, null, null, null));
            }
        });
    }

    /** A clipboard with files on it, which is all a dropped-files dragboard is. */
    private record FilesClipboard(List<java.io.File> files) implements TKClipboard {
        @Override
        public void setSecurityContext(java.security.AccessControlContext context) {
        }

        @Override
        public java.util.Set<DataFormat> getContentTypes() {
            return java.util.Set.of(DataFormat.FILES);
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            return false;
        }

        @Override
        public Object getContent(DataFormat format) {
            return DataFormat.FILES.equals(format) ? files : null;
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return DataFormat.FILES.equals(format);
        }

        @Override
        public java.util.Set<TransferMode> getTransferModes() {
            return java.util.Set.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(javafx.scene.image.Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public javafx.scene.image.Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
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

    /** Presses the mode's toggle as a click does (the controller's listener sets the mode). */
    private void selectMode(String toggle) {
        robot.interact(() -> robot.lookup(toggle).queryAs(ToggleButton.class).fire());
        assertThat(robot.lookup(toggle).queryAs(ToggleButton.class).isSelected()).as(toggle).isTrue();
    }

    private void awaitHeadline(String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> expected.equals(text("#verdictHeadline")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited for " + expected + ", the screen shows " + text("#verdictHeadline")
                    + " / " + text("#verdictDetail"), e);
        }
        // The headline and the detail change in one FX runnable; this thread may read between the two.
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> panelClasses() {
        return robot.lookup("#verdictPanel").query().getStyleClass();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
