package com.admitone.client.ui.shell;

import com.admitone.client.ClientServices;
import com.admitone.client.offline.OfflineSettings;
import com.admitone.client.ui.common.AmountText;
import com.admitone.client.ui.common.Strings;
import com.admitone.client.ui.common.Tasks;
import com.admitone.client.ui.common.Theme;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;

/**
 * Settings of this computer: the theme, and working offline (how long the server may stay silent
 * before the device works offline, and the largest cash refund allowed offline). Stored in the
 * local database, read and written off the JavaFX thread.
 */
public final class SettingsController {
    private final Theme theme;
    private final ClientServices services;
    private final Strings strings;

    @FXML
    private RadioButton lightButton;
    @FXML
    private RadioButton darkButton;
    @FXML
    private ToggleGroup themeGroup;
    @FXML
    private TextField offlineAfterField;
    @FXML
    private TextField refundLimitField;
    @FXML
    private Label offlineMessage;

    public SettingsController(Theme theme, ClientServices services, Strings strings) {
        this.theme = theme;
        this.services = services;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        (theme.current() == Theme.Kind.DARK ? darkButton : lightButton).setSelected(true);
        themeGroup.selectedToggleProperty().addListener((obs, old, now) ->
                theme.apply(now == darkButton ? Theme.Kind.DARK : Theme.Kind.LIGHT));
        OfflineSettings settings = services.offlineSettings();
        Tasks.create(() -> new Object[]{settings.offlineAfter().toSeconds(), settings.refundLimitMinor()})
                .onSuccess(r -> {
                    offlineAfterField.setText(Long.toString((Long) r[0]));
                    refundLimitField.setText(AmountText.of((Long) r[1]));
                })
                .runOn(services.background());
    }

    @FXML
    private void saveOffline() {
        int seconds;
        long limit;
        try {
            seconds = Integer.parseInt(offlineAfterField.getText().trim());
            if (refundLimitField.getText().isBlank()) {
                throw new IllegalArgumentException("no limit typed");
            }
            limit = AmountText.toMinor(refundLimitField.getText());
        } catch (RuntimeException e) {
            offlineMessage.setText("Enter whole seconds and an amount such as 100.00.");
            return;
        }
        OfflineSettings settings = services.offlineSettings();
        Tasks.create(() -> {
                    settings.setOfflineAfter(seconds);
                    settings.setRefundLimitMinor(limit);
                    services.offlineAfterChanged();
                    return null;
                })
                .onSuccess(x -> offlineMessage.setText(strings.get("settings.offline.saved")))
                .onError(e -> offlineMessage.setText(e.getMessage()))
                .runOn(services.background());
    }
}
