package com.admitone.client.ui.login;

import com.admitone.client.ui.common.Strings;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** The log-in view: binds the fields to {@link LoginViewModel}. */
public final class LoginController {
    private final LoginViewModel model;
    private final Strings strings;

    @FXML
    private TextField usernameField;
    @FXML
    private PasswordField passwordField;
    @FXML
    private Label deviceLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private Button loginButton;
    @FXML
    private ProgressIndicator progress;

    public LoginController(LoginViewModel model, Strings strings) {
        this.model = model;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        usernameField.textProperty().bindBidirectional(model.usernameProperty());
        passwordField.textProperty().bindBidirectional(model.passwordProperty());
        deviceLabel.textProperty().bind(Bindings.createStringBinding(
                () -> strings.format("login.device", model.deviceNameProperty().get()), model.deviceNameProperty()));
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        loginButton.disableProperty().bind(model.canLoginProperty().not());
        progress.visibleProperty().bind(model.busyProperty());
        usernameField.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                usernameField.requestFocus();
            }
        });
    }

    @FXML
    private void login() {
        model.login();
    }
}
