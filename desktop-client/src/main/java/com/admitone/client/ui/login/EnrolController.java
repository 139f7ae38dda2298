package com.admitone.client.ui.login;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** The first-start view: binds the fields to {@link EnrolViewModel}, nothing more. */
public final class EnrolController {
    private final EnrolViewModel model;

    @FXML
    private TextField serverField;
    @FXML
    private TextField deviceField;
    @FXML
    private TextField managerField;
    @FXML
    private PasswordField passwordField;
    @FXML
    private Label errorLabel;
    @FXML
    private Button enrolButton;
    @FXML
    private ProgressIndicator progress;

    public EnrolController(EnrolViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        serverField.textProperty().bindBidirectional(model.serverAddressProperty());
        deviceField.textProperty().bindBidirectional(model.deviceNameProperty());
        managerField.textProperty().bindBidirectional(model.managerUsernameProperty());
        passwordField.textProperty().bindBidirectional(model.managerPasswordProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        enrolButton.disableProperty().bind(model.canEnrolProperty().not());
        progress.visibleProperty().bind(model.busyProperty());
        serverField.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                // After the first layout pass, or the scene's default focus wins.
                javafx.application.Platform.runLater(() ->
                        (serverField.getText().isBlank() ? serverField : managerField).requestFocus());
            }
        });
    }

    @FXML
    private void enrol() {
        model.enrol();
    }
}
