package com.admitone.client.ui.gate;

import com.admitone.model.gate.ScanMode;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;

import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.io.File;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The gate screen: a verdict panel read from two metres (green ADMIT, orange ALREADY ADMITTED, red
 * REJECTED), counters, entry/exit mode, the manual look-up field. A keyboard-wedge scanner is caught
 * wherever focus is; image files dropped on the screen are decoded in the background.
 */
public final class GateController {
    private static final String[] LIGHT_CLASSES = {"verdict-idle", "verdict-admit", "verdict-already", "verdict-reject"};

    private final GateViewModel model;
    private final Executor background;
    private final KeyboardWedge wedge;

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

    public GateController(GateViewModel model, Executor background) {
        this.model = model;
        this.background = background;
        this.wedge = new KeyboardWedge(60, 20, System::nanoTime, model::submit);
    }

    @FXML
    private void initialize() {
        headline.textProperty().bind(model.headlineProperty());
        detail.textProperty().bind(model.detailProperty());
        counters.textProperty().bind(model.countersProperty());
        performanceChoice.setItems(model.performances());
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
        root.sceneProperty().addListener((obs, was, now) -> {
            if (was != null) {
                wedge.uninstall(was);
            }
            if (now != null) {
                wedge.install(now);
            }
        });
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
        model.loadPerformances();
    }

    private void showLight(GateViewModel.Light light) {
        verdictPanel.getStyleClass().removeAll(LIGHT_CLASSES);
        verdictPanel.getStyleClass().add(LIGHT_CLASSES[light.ordinal()]);
    }

    @FXML
    private void lookUp() {
        String text = manualField.getText();
        manualField.clear();
        model.submit(text);
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
