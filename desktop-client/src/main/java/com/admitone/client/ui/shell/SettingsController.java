package com.admitone.client.ui.shell;

import com.admitone.client.ui.common.Theme;
import javafx.fxml.FXML;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;

/** Settings: the light or dark theme for now; printers and scanners come with their features. */
public final class SettingsController {
    private final Theme theme;

    @FXML
    private RadioButton lightButton;
    @FXML
    private RadioButton darkButton;
    @FXML
    private ToggleGroup themeGroup;

    public SettingsController(Theme theme) {
        this.theme = theme;
    }

    @FXML
    private void initialize() {
        (theme.current() == Theme.Kind.DARK ? darkButton : lightButton).setSelected(true);
        themeGroup.selectedToggleProperty().addListener((obs, old, now) ->
                theme.apply(now == darkButton ? Theme.Kind.DARK : Theme.Kind.LIGHT));
    }
}
