package com.admitone.client.ui.gate;

import com.admitone.model.gate.ScanMode;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import com.admitone.client.gate.Cameras;
import com.admitone.client.gate.TicketLookup;
import com.admitone.client.gate.WebcamCameras;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The gate screen: a verdict panel read from two metres (green ADMIT, orange ALREADY ADMITTED, red
 * REJECTED), counters, entry/exit mode, the manual look-up field. A keyboard-wedge scanner is caught
 * wherever focus is; image files dropped on the screen are decoded in the background.
 */
public final class GateController {
    private static final String[] LIGHT_CLASSES = {"verdict-idle", "verdict-admit", "verdict-already", "verdict-reject",
            "verdict-group"};

    private final GateViewModel model;
    private final Executor background;
    private final KeyboardWedge wedge;
    private final CameraScanner camera;
    private Map<KeyCombination, Runnable> shortcuts;
    private final javafx.event.EventHandler<KeyEvent> shortcutKeys = event -> {
        for (Map.Entry<KeyCombination, Runnable> shortcut : shortcuts.entrySet()) {
            if (shortcut.getKey().match(event)) {
                shortcut.getValue().run();
                event.consume();
                return;
            }
        }
    };

    @FXML
    private VBox root;
    @FXML
    private VBox verdictPanel;
    @FXML
    private Label headline;
    @FXML
    private Label detail;
    @FXML
    private Label counters;
    @FXML
    private ComboBox<GateViewModel.PerformanceChoice> performanceChoice;
    @FXML
    private TextField gateName;
    @FXML
    private ToggleButton entryToggle;
    @FXML
    private ToggleButton exitToggle;
    @FXML
    private TextField manualField;
    @FXML
    private ToggleButton cameraToggle;
    @FXML
    private VBox sidePanel;
    @FXML
    private VBox cameraBox;
    @FXML
    private ImageView cameraPreview;
    @FXML
    private Label cameraStatus;
    @FXML
    private VBox lookupBox;
    @FXML
    private Label lookupMessage;
    @FXML
    private ListView<TicketLookup.Match> lookupResults;
    @FXML
    private HBox headcountBox;
    @FXML
    private Spinner<Integer> headcount;
    @FXML
    private Button headcountAdmit;

    public GateController(GateViewModel model, Executor background) {
        this(model, background, new WebcamCameras());
    }

    public GateController(GateViewModel model, Executor background, Cameras cameras) {
        this.model = model;
        this.background = background;
        this.wedge = new KeyboardWedge(60, 20, System::nanoTime, model::submit);
        this.camera = new CameraScanner(cameras, model::submit);
    }

    @FXML
    private void initialize() {
        headline.textProperty().bind(model.headlineProperty());
        detail.textProperty().bind(model.detailProperty());
        counters.textProperty().bind(model.countersProperty());
        performanceChoice.setItems(model.performances());
        // Opening the list refreshes it: performances added or moved since the screen opened appear.
        performanceChoice.setOnShowing(e -> model.loadPerformances());
        performanceChoice.valueProperty().bindBidirectional(model.performanceProperty());
        gateName.textProperty().bindBidirectional(model.gateNameProperty());
        ToggleGroup modes = new ToggleGroup();
        entryToggle.setToggleGroup(modes);
        exitToggle.setToggleGroup(modes);
        entryToggle.setSelected(true);
        modes.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                model.modeProperty().set(now == exitToggle ? ScanMode.EXIT : ScanMode.ENTRY);
            }
        });
        model.lightProperty().addListener((obs, was, now) -> showLight(now));
        showLight(model.lightProperty().get());
        model.onVerdict(this::sound);
        shortcuts = shortcuts();
        root.sceneProperty().addListener((obs, was, now) -> {
            if (was != null) {
                wedge.uninstall(was);
                was.removeEventHandler(KeyEvent.KEY_PRESSED, shortcutKeys);
            }
            if (now != null) {
                wedge.install(now);
                // A handler, not accelerators: the shell resets the scene's accelerators whenever it re-installs its own.
                now.addEventHandler(KeyEvent.KEY_PRESSED, shortcutKeys);
            }
        });
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
        initCamera();
        initLookUp();
        initHeadcount();
        root.sceneProperty().addListener((obs, was, now) -> {
            if (now == null) {
                camera.stopCamera();
                cameraToggle.setSelected(false);
            }
        });
        model.loadPerformances();
    }

    /** Ctrl+L: the look-up field; Ctrl+M: camera on or off; Ctrl+D: the duplicate-entries report. */
    private Map<KeyCombination, Runnable> shortcuts() {
        return Map.of(
                new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), manualField::requestFocus,
                new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), () -> {
                    cameraToggle.setSelected(!cameraToggle.isSelected());
                    toggleCamera();
                },
                new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), this::showDuplicates);
    }

    private void initCamera() {
        cameraPreview.imageProperty().bind(camera.previewProperty());
        cameraStatus.textProperty().bind(camera.statusProperty());
        cameraBox.visibleProperty().bind(cameraToggle.selectedProperty());
        cameraBox.managedProperty().bind(cameraBox.visibleProperty());
        camera.statusProperty().addListener((obs, was, now) -> {
            if (!now.isEmpty() && camera.getState() == javafx.concurrent.Worker.State.FAILED) {
                cameraToggle.setSelected(false);
                // Keep the reason on screen even though the camera box is closed.
                lookupMessage.setText(now);
            }
        });
        sidePanel.visibleProperty().bind(cameraBox.visibleProperty().or(lookupBox.visibleProperty()));
        sidePanel.managedProperty().bind(sidePanel.visibleProperty());
    }

    private void initLookUp() {
        lookupResults.setItems(model.matches());
        lookupResults.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TicketLookup.Match item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : model.matchLabel(item));
            }
        });
        model.lookupMessageProperty().addListener((obs, was, now) -> lookupMessage.setText(now));
        lookupBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.matches())
                .or(lookupMessage.textProperty().isNotEmpty()));
        lookupBox.managedProperty().bind(lookupBox.visibleProperty());
        model.matches().addListener((javafx.collections.ListChangeListener<TicketLookup.Match>) change -> {
            if (!model.matches().isEmpty()) {
                lookupResults.getSelectionModel().selectFirst();
                lookupResults.requestFocus();
            }
        });
        lookupResults.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                model.admitMatch(lookupResults.getSelectionModel().getSelectedItem());
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                closeLookUp();
                event.consume();
            }
        });
        lookupResults.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                model.admitMatch(lookupResults.getSelectionModel().getSelectedItem());
            }
        });
    }

    private void closeLookUp() {
        model.clearLookUp();
        lookupMessage.setText("");
        manualField.requestFocus();
    }

    private void initHeadcount() {
        SpinnerValueFactory.IntegerSpinnerValueFactory counts = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1, 1);
        headcount.setValueFactory(counts);
        headcountBox.visibleProperty().bind(model.pendingGroupProperty().isNotNull());
        headcountBox.managedProperty().bind(headcountBox.visibleProperty());
        headcountAdmit.defaultButtonProperty().bind(headcountBox.visibleProperty());
        model.pendingGroupProperty().addListener((obs, was, group) -> {
            if (group != null) {
                counts.setMax(group.mayEnter());
                counts.setValue(group.mayEnter());
                headcount.getEditor().selectAll();
                headcount.requestFocus();
            }
        });
    }

    @FXML
    private void confirmHeadcount() {
        headcount.commitValue();
        model.confirmHeadcount(headcount.getValue());
    }

    @FXML
    private void cancelHeadcount() {
        model.cancelHeadcount();
    }

    @FXML
    private void toggleCamera() {
        if (cameraToggle.isSelected()) {
            lookupMessage.setText("");
            camera.startCamera(null);
        } else {
            camera.stopCamera();
        }
    }

    @FXML
    private void showDuplicates() {
        model.loadDuplicates(lines -> {
            Alert report = new Alert(Alert.AlertType.INFORMATION);
            report.initOwner(root.getScene().getWindow());
            report.setTitle(model.text("gate.duplicates.title"));
            report.setHeaderText(model.text("gate.duplicates.header"));
            if (lines.isEmpty()) {
                report.setContentText(model.text("gate.duplicates.empty"));
            } else {
                ListView<String> list = new ListView<>(javafx.collections.FXCollections.observableArrayList(lines));
                list.setId("duplicatesList");
                list.setPrefSize(760, Math.min(480, 40 + 28 * lines.size()));
                report.getDialogPane().setContent(list);
            }
            report.show();
        });
    }

    private void showLight(GateViewModel.Light light) {
        verdictPanel.getStyleClass().removeAll(LIGHT_CLASSES);
        verdictPanel.getStyleClass().add(LIGHT_CLASSES[light.ordinal()]);
    }

    @FXML
    private void lookUp() {
        String text = manualField.getText();
        manualField.clear();
        model.lookUp(text);
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dropped(DragEvent event) {
        List<File> files = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
        model.submitImages(files.stream().map(File::toPath).toList());
        event.setDropCompleted(!files.isEmpty());
        event.consume();
    }

    /**
     * A short beep per verdict (two for a refusal) so staff need not look. javafx-media is not on the
     * class path, so this uses AWT's beep, only where a display exists, off the JavaFX thread.
     */
    private void sound(GateViewModel.Light light) {
        if (Boolean.getBoolean("admitone.gate.silent") || GraphicsEnvironment.isHeadless()
                || "Monocle".equals(System.getProperty("glass.platform"))) {
            return;
        }
        background.execute(() -> {
            try {
                Toolkit.getDefaultToolkit().beep();
                if (light == GateViewModel.Light.REJECT) {
                    Thread.sleep(150);
                    Toolkit.getDefaultToolkit().beep();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                // No sound device: the colours still say it.
            }
        });
    }

    Scene scene() {
        return root.getScene();
    }
}
