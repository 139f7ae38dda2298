package com.admitone.client.ui.login;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;

/** Another cashier takes over the till with their PIN. */
public final class SwitchCashierController {
    private final PinViewModel model;

    @FXML
    private ComboBox<String> userBox;
    @FXML
    private PasswordField pinField;
    @FXML
    private Label errorLabel;
    @FXML
    private Button switchButton;

    public SwitchCashierController(PinViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        userBox.setItems(model.pinUsers());
        userBox.valueProperty().bindBidirectional(model.chosenUserProperty());
        pinField.textProperty().bindBidirectional(model.pinProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        switchButton.disableProperty().bind(model.busyProperty().or(model.pinProperty().length().lessThan(4))
                .or(model.chosenUserProperty().isNull()));
        model.loadPinUsers();
        pinField.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                pinField.requestFocus();
            }
        });
    }

    @FXML
    private void switchCashier() {
        model.switchCashier();
    }

    @FXML
    private void usePassword() {
        model.usePassword();
    }
}
