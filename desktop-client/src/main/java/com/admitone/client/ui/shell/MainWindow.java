package com.admitone.client.ui.shell;

import com.admitone.client.ClientServices;
import com.admitone.client.auth.Cashier;
import com.admitone.client.gate.GateService;
import com.admitone.client.ui.gate.GateController;
import com.admitone.client.ui.gate.GateViewModel;
import com.admitone.client.ui.common.ControllerFactory;
import com.admitone.client.sales.Counter;
import com.admitone.client.store.Outbox;
import com.admitone.client.ui.boxoffice.BoxOfficeController;
import com.admitone.client.ui.boxoffice.seatmap.SeatMapView;
import com.admitone.client.ui.common.Failures;
import com.admitone.client.ui.common.FxmlFile;
import com.admitone.client.ui.common.Navigator;
import com.admitone.client.ui.common.Strings;
import com.admitone.client.ui.common.Tasks;
import com.admitone.client.ui.common.Theme;
import com.admitone.client.ui.common.ViewLoader;
import com.admitone.client.ui.login.EnrolController;
import com.admitone.client.ui.login.EnrolViewModel;
import com.admitone.client.ui.login.LoginController;
import com.admitone.client.ui.login.LoginViewModel;
import com.admitone.client.ui.login.PinViewModel;
import com.admitone.client.ui.login.SetPinController;
import com.admitone.client.ui.login.SwitchCashierController;
import com.admitone.client.ui.sync.OutboxViewModel;
import com.admitone.client.ui.sync.SyncController;
import javafx.animation.PauseTransition;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's one window and the wiring of its controllers: moves between first start,
 * log-in and the shell, and builds each controller with what it needs (constructor injection
 * through the {@link ControllerFactory}).
 */
public final class MainWindow implements Navigator {
    /** Room left for the window manager's title bar when the window is sized to the screen. */
    private static final double WINDOW_TITLE_BAR = 32;
    private final Stage stage;
    private final ClientServices services;
    private final Strings strings;
    private final Theme theme;
    private final Failures failures;
    private final ViewLoader views;
    private final Scene scene;
    private final List<AutoCloseable> open = new ArrayList<>();
    private Cashier cashier;
    private Cashier pinFor;

    public MainWindow(Stage stage, ClientServices services, Strings strings, Theme theme) {
        this.stage = stage;
        this.services = services;
        this.strings = strings;
        this.theme = theme;
        this.failures = new Failures(strings, services.problems());
        ControllerFactory controllers = new ControllerFactory();
        this.views = new ViewLoader(strings, controllers);
        ZoneId zone = ZoneId.systemDefault();
        controllers
                .register(EnrolController.class, () -> new EnrolController(new EnrolViewModel(services, this, failures)))
                .register(LoginController.class, () -> new LoginController(new LoginViewModel(services, this, failures), strings))
                .register(SetPinController.class, () -> {
                    PinViewModel model = new PinViewModel(services, this, failures);
                    model.forCashier(pinFor);
                    return new SetPinController(model);
                })
                .register(SwitchCashierController.class, () -> new SwitchCashierController(new PinViewModel(services, this, failures)))
                .register(ShellController.class, () -> {
                    StatusBarViewModel status = new StatusBarViewModel(strings, services.connection().engine(),
                            cashier.displayName(), services.connection().credentials().deviceName(), zone);
                    ShellController shell = new ShellController(new ShellViewModel(cashier), status, views, this,
                            () -> services.connection().engine().requestSync(), this::logout,
                            () -> AboutInfo.of(services.dataDir(), services.connection().api().baseUrl()));
                    open.add(shell);
                    return shell;
                })
                .register(BoxOfficeController.class, () -> {
                    ClientServices.Connection c = services.connection();
                    Counter counter = new Counter(services.store(), services.outbox(), () -> services.connection().engine(),
                            () -> new Outbox.Author(cashier.userId(), c.credentials().deviceId()), c.credentials().deviceId(),
                            services.clock());
                    Cashier seller = cashier;
                    return new BoxOfficeController(new BoxOfficeController.Context(counter, services.background(), strings, failures,
                            services.problems(), () -> seller, c.credentials().deviceName(), () -> services.connection().api(),
                            () -> services.connection().engine().status().online(), services.dataDir().resolve("printouts"),
                            java.util.Locale.getDefault()));
                })
                .register(PlaceholderController.class, () -> new PlaceholderController(strings))
                .register(SettingsController.class, () -> new SettingsController(theme, services, strings))
                .register(SyncController.class, () -> {
                    OutboxViewModel model = new OutboxViewModel(services, strings, cashier.role(), zone);
                    open.add(model);
                    return new SyncController(model, strings);
                })
                .register(com.admitone.client.ui.offline.ConflictsController.class, () -> {
                    com.admitone.client.ui.offline.ConflictsViewModel model = new com.admitone.client.ui.offline.ConflictsViewModel(
                            offlineAdmin(), services.background(), services.connection().engine(), services.problems());
                    com.admitone.client.ui.offline.ConflictsController controller = new com.admitone.client.ui.offline.ConflictsController(
                            model, counter(), services.background(), strings);
                    open.add(controller);
                    return controller;
                })
                .register(com.admitone.client.ui.offline.AllotmentsController.class, () -> {
                    com.admitone.client.ui.offline.AllotmentsViewModel model = new com.admitone.client.ui.offline.AllotmentsViewModel(
                            offlineAdmin(), services.background(), services.connection().engine(), services.problems());
                    com.admitone.client.ui.offline.AllotmentsController controller = new com.admitone.client.ui.offline.AllotmentsController(
                            model, counter(), services.background(), strings, zone);
                    open.add(controller);
                    return controller;
                })
                .register(GateController.class, () -> new GateController(gateModel(zone), services.background()));
        // As much of the screen as a till's monitor has, up to 1440x900: at a fixed 1180x760 on a
        // 1366x768 screen the seat map got a third of the window (see docs/screenshots).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double width = Math.max(900, Math.min(1440, screen.getWidth()));
        double height = Math.max(600, Math.min(900, screen.getHeight() - WINDOW_TITLE_BAR));
        this.scene = new Scene(new javafx.scene.layout.StackPane(), width, height);
        theme.style(scene);
        stage.setScene(scene);
        stage.setTitle(strings.get("app.title"));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
    }

    private Counter counter() {
        ClientServices.Connection c = services.connection();
        Cashier who = cashier;
        return new Counter(services.store(), services.outbox(), () -> services.connection().engine(),
                () -> new Outbox.Author(who.userId(), c.credentials().deviceId()), c.credentials().deviceId(), services.clock());
    }

    private com.admitone.client.offline.OfflineAdmin offlineAdmin() {
        ClientServices.Connection c = services.connection();
        Cashier who = cashier;
        return new com.admitone.client.offline.OfflineAdmin(services.store(), services.outbox(), () -> services.connection().engine(),
                () -> new Outbox.Author(who.userId(), c.credentials().deviceId()), c.credentials().deviceId(), services.clock());
    }

    private GateViewModel gateModel(ZoneId zone) {
        Cashier who = cashier;
        GateService gate = new GateService(services.store(), services.outbox(), services.clock(),
                () -> new Outbox.Author(who.userId(), services.connection().credentials().deviceId()));
        return new GateViewModel(gate, services.store(), services.background(), strings, zone, services.clock(),
                services.connection().credentials().deviceName());
    }

    /** Shows the first view: enrolment on a new device, else log-in. */
    public void start() {
        if (services.connection() == null) {
            showEnrol();
        } else {
            showLogin();
        }
        stage.show();
        // While staff log in, draw a small seat map off screen once, so the first performance they
        // open paints at once instead of paying for a cold JVM (see SeatMapView.warmUp).
        PauseTransition idle = new PauseTransition(Duration.millis(400));
        idle.setOnFinished(e -> SeatMapView.warmUp());
        idle.play();
    }

    private void show(FxmlFile file, String titleSuffix) {
        closeOpen();
        scene.getAccelerators().clear();
        Parent root = views.load(file).root();
        scene.setRoot(root);
        stage.setTitle(titleSuffix == null ? strings.get("app.title") : strings.get("app.title") + " — " + titleSuffix);
    }

    private void closeOpen() {
        for (AutoCloseable closeable : open) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing a view model only unregisters listeners
            }
        }
        open.clear();
    }

    @Override
    public void showEnrol() {
        show(FxmlFile.ENROL, strings.get("enrol.title"));
    }

    @Override
    public void showLogin() {
        cashier = null;
        show(FxmlFile.LOGIN, strings.get("login.title"));
    }

    @Override
    public void showShell(Cashier who) {
        cashier = who;
        show(FxmlFile.SHELL, who.displayName());
    }

    @Override
    public void showSwitchCashier() {
        show(FxmlFile.SWITCH_CASHIER, strings.get("pin.switch.title"));
    }

    @Override
    public void showSetPin(Cashier who) {
        pinFor = who;
        show(FxmlFile.SET_PIN, strings.get("pin.set.title"));
    }

    private void logout() {
        Cashier leaving = cashier;
        if (leaving != null && services.connection() != null) {
            Tasks.create(() -> {
                services.connection().login().logout(leaving);
                services.connection().engine().sessionChanged();
            }).runOn(services.background());
        }
        showLogin();
    }

    public Scene scene() {
        return scene;
    }
}
