package com.admitone.client;

import com.admitone.client.sync.ApiTimeouts;
import com.admitone.client.ui.common.Strings;
import com.admitone.client.ui.common.Theme;
import com.admitone.client.ui.shell.MainWindow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The JavaFX application. The store is opened in {@link #init()}, which runs before the JavaFX
 * thread takes over, so the first window never waits on the disk.
 */
public final class AdmitOneApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(AdmitOneApp.class);

    /**
     * Set by {@link ClientMain} (or a test) before launch: where the data is and which server to
     * suggest. {@code clock} is the system clock but for demos and the screenshot tour, which show
     * the gate at the door of a performance whatever the time of day.
     */
    public record LaunchOptions(Path dataDir, String serverUrl, ApiTimeouts timeouts, java.time.Clock clock) {
        public LaunchOptions(Path dataDir, String serverUrl, ApiTimeouts timeouts) {
            this(dataDir, serverUrl, timeouts, java.time.Clock.systemUTC());
        }
    }

    private static volatile LaunchOptions options;
    private ClientServices services;
    private Throwable startupFailure;
    private MainWindow window;

    public static void configure(LaunchOptions launchOptions) {
        options = launchOptions;
    }

    @Override
    public void init() {
        LaunchOptions opts = options;
        try {
            services = ClientServices.open(opts.dataDir(), opts.serverUrl(), opts.timeouts(), opts.clock());
        } catch (RuntimeException e) {
            log.error("cannot start", e);
            startupFailure = e;
        }
    }

    @Override
    public void start(Stage stage) {
        Strings strings = Strings.load(Locale.getDefault());
        if (startupFailure != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, startupFailure.getMessage());
            alert.setHeaderText(strings.get("generic.error"));
            alert.showAndWait();
            Platform.exit();
            return;
        }
        Theme theme = new Theme();
        theme.apply(Theme.Kind.LIGHT);
        window = new MainWindow(stage, services, strings, theme);
        window.start();
    }

    @Override
    public void stop() {
        if (services != null) {
            services.close();
        }
    }

    /** The running services, for tests that drive the app. */
    public ClientServices services() {
        return services;
    }
}
