package com.admitone.client.ui.shell;

import com.admitone.client.ui.common.Navigator;
import com.admitone.model.BuildInfo;
import com.admitone.client.ui.common.Strings;
import com.admitone.client.ui.common.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The main window after log-in: role-aware navigation on the left, the open section in the middle
 * and the status bar at the bottom. Keyboard: Ctrl+1..6 open sections, F5 syncs, F9 switches
 * cashier, Ctrl+Shift+L logs out.
 */
public final class ShellController implements AutoCloseable {
    private final ShellViewModel model;
    private final StatusBarViewModel status;
    private final ViewLoader views;
    private final Strings strings;
    private final Navigator navigator;
    private final Runnable syncNow;
    private final Runnable logout;
    private final Supplier<AboutInfo> about;
    private final Map<Section, Parent> loaded = new EnumMap<>(Section.class);

    @FXML
    private VBox navigation;
    @FXML
    private StackPane content;
    @FXML
    private MenuButton cashierMenu;
    @FXML
    private Label offlineBadge;
    @FXML
    private Label connectionLabel;
    @FXML
    private FontIcon connectionIcon;
    @FXML
    private Label waitingLabel;
    @FXML
    private Label lastSyncLabel;
    @FXML
    private Label cashierLabel;
    @FXML
    private Label deviceLabel;

    private final ToggleGroup sections = new ToggleGroup();

    public ShellController(ShellViewModel model, StatusBarViewModel status, ViewLoader views, Navigator navigator,
                           Runnable syncNow, Runnable logout, Supplier<AboutInfo> about) {
        this.model = model;
        this.status = status;
        this.views = views;
        this.strings = views.strings();
        this.navigator = navigator;
        this.syncNow = syncNow;
        this.logout = logout;
        this.about = about;
    }

    @FXML
    private void initialize() {
        int n = 1;
        for (Section section : model.sections()) {
            ToggleButton button = new ToggleButton(strings.get(section.titleKey()), new FontIcon(section.icon()));
            button.setUserData(section);
            button.setToggleGroup(sections);
            button.setMaxWidth(Double.MAX_VALUE);
            button.getStyleClass().add("nav-button");
            button.setId("nav-" + section.name().toLowerCase());
            button.setTooltip(new Tooltip(strings.get(section.titleKey()) + "  (Ctrl+" + n++ + ")"));
            navigation.getChildren().add(button);
        }
        sections.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one section is always open
            } else {
                model.selectedProperty().set((Section) now.getUserData());
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> open(now));
        open(model.selectedProperty().get());
        selectToggle(model.selectedProperty().get());

        cashierMenu.setText(model.cashierProperty().get().displayName());
        connectionLabel.textProperty().bind(status.connectionProperty());
        status.onlineProperty().addListener((obs, old, online) -> showOnline(online));
        showOnline(status.onlineProperty().get());
        waitingLabel.textProperty().bind(status.waitingProperty());
        status.anyRejectedProperty().addListener((obs, old, any) -> waitingLabel.pseudoClassStateChanged(REJECTED, any));
        waitingLabel.pseudoClassStateChanged(REJECTED, status.anyRejectedProperty().get());
        lastSyncLabel.textProperty().bind(status.lastSyncProperty());
        Tooltip errorTip = new Tooltip();
        errorTip.textProperty().bind(status.lastErrorProperty());
        connectionLabel.setTooltip(errorTip);
        cashierLabel.textProperty().bind(status.cashierProperty());
        deviceLabel.textProperty().bind(status.deviceProperty());
        content.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installAccelerators(scene);
            }
        });
    }

    private static final javafx.css.PseudoClass REJECTED = javafx.css.PseudoClass.getPseudoClass("rejected");

    private void showOnline(boolean online) {
        offlineBadge.setVisible(!online);
        offlineBadge.setManaged(!online);
        connectionLabel.getStyleClass().removeAll("status-online", "status-offline");
        connectionLabel.getStyleClass().add(online ? "status-online" : "status-offline");
        connectionIcon.setIconLiteral(online ? "mdoal-cloud_done" : "mdoal-cloud_off");
    }

    private void selectToggle(Section section) {
        sections.getToggles().stream().filter(t -> t.getUserData() == section).findFirst().ifPresent(t -> t.setSelected(true));
    }

    private void open(Section section) {
        Parent view = loaded.computeIfAbsent(section, s -> {
            ViewLoader.View<Object> loadedView = views.load(s.view());
            if (loadedView.controller() instanceof PlaceholderController placeholder) {
                placeholder.show(s);
            }
            return loadedView.root();
        });
        content.getChildren().setAll(view);
        selectToggle(section);
    }

    private void installAccelerators(Scene scene) {
        scene.getAccelerators().clear();
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6};
        for (int i = 0; i < digits.length; i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN), () -> model.select(index));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), syncNow);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F9), navigator::showSwitchCashier);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), logout);
    }

    @FXML
    private void switchCashier() {
        navigator.showSwitchCashier();
    }

    @FXML
    private void setPin() {
        navigator.showSetPin(model.cashierProperty().get());
    }

    @FXML
    private void logout() {
        logout.run();
    }

    /** Help > About: the version and build (the same as {@code --version}), where the data lives, the server. */
    @FXML
    private void about() {
        AboutInfo info = about.get();
        BuildInfo build = info.build();
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(strings.get("shell.about.title"));
        alert.setHeaderText(info.product());
        alert.setContentText(MessageFormat.format(strings.get("shell.about.text"), build.version(), build.commit(), build.time(),
                info.dataFolder(), info.logFolder(), info.serverUrl()));
        alert.getDialogPane().setId("aboutDialog");
        alert.getDialogPane().setMinWidth(520);
        if (content.getScene() != null) {
            alert.initOwner(content.getScene().getWindow());
        }
        alert.show();
    }

    @FXML
    private void syncNow() {
        syncNow.run();
    }

    @Override
    public void close() {
        status.close();
        if (content.getScene() != null) {
            content.getScene().getAccelerators().clear();
        }
    }
}
