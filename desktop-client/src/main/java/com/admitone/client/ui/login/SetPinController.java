package com.admitone.client.ui.login;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;

/** Offers a PIN after a password log-in. */
public final class SetPinController {
    private final PinViewModel model;

    @FXML
    private PasswordField pinField;
    @FXML
    private Label errorLabel;
    @FXML
    private Button saveButton;

    public SetPinController(PinViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        pinField.textProperty().bindBidirectional(model.pinProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        saveButton.disableProperty().bind(model.busyProperty().or(model.pinProperty().length().lessThan(4)));
        pinField.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                pinField.requestFocus();
            }
        });
    }

    public PinViewModel model() {
        return model;
    }

    @FXML
    private void save() {
        model.savePin();
    }

    @FXML
    private void skip() {
        model.skip();
    }
}
