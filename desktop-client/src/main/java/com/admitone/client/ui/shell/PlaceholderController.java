package com.admitone.client.ui.shell;

import com.admitone.client.ui.common.Strings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;

/** A friendly "not built yet" page for sections without content. */
public final class PlaceholderController {
    private final Strings strings;

    @FXML
    private Label titleLabel;
    @FXML
    private Label textLabel;
    @FXML
    private FontIcon icon;

    public PlaceholderController(Strings strings) {
        this.strings = strings;
    }

    public void show(Section section) {
        titleLabel.setText(strings.format("shell.placeholder.title", strings.get(section.titleKey())));
        textLabel.setText(strings.get(section.placeholderKey()));
        icon.setIconLiteral(section.icon());
    }
}
