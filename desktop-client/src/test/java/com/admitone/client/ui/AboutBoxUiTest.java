package com.admitone.client.ui;

import com.admitone.client.AdmitOneApp;
import com.admitone.client.sync.ApiTimeouts;
import com.admitone.model.BuildInfo;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Help > About on a headless screen (Monocle), after a real enrolment and log-in: the box names the
 * product, the version and build that {@code --version} prints, the data and log folders of this
 * computer, and the server it syncs with: what support asks for on the phone.
 */
class AboutBoxUiTest {
    static TestServer server;
    final FxRobot robot = new FxRobot();
    javafx.application.Application app;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(Backend.SQLITE);
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void launch() throws Exception {
        AdmitOneApp.configure(new AdmitOneApp.LaunchOptions(dataDir, null,
                ApiTimeouts.DEFAULT.withRead(Duration.ofSeconds(30))));
        app = FxToolkit.setupApplication(AdmitOneApp.class);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void aboutShowsVersionBuildDataFolderAndServer() throws Exception {
        waitFor("#serverField", 60);
        robot.clickOn("#serverField").write(server.baseUrl());
        robot.clickOn("#managerField").write("manager");
        robot.clickOn("#managerPasswordField").write("manager-demo");
        robot.clickOn("#enrolButton");
        waitFor("#usernameField", 90);
        robot.clickOn("#usernameField").write("boxoffice");
        robot.clickOn("#passwordField").write("boxoffice-demo");
        robot.clickOn("#loginButton");
        waitFor("#cashierMenu", 90);

        robot.clickOn("#cashierMenu");
        robot.clickOn("About AdmitOne");
        waitFor("#aboutDialog", 30);

        DialogPane about = robot.lookup("#aboutDialog").queryAs(DialogPane.class);
        BuildInfo build = BuildInfo.current();
        assertThat(about.getHeaderText()).isEqualTo("AdmitOne desktop client");
        assertThat(about.getContentText())
                .contains("Version " + build.version())
                .contains("Build " + build.commit() + ", " + build.time())
                .contains("Data folder: " + dataDir)
                .contains("Logs: " + dataDir.resolve("logs"))
                .contains("Server: " + server.baseUrl());
        robot.clickOn("OK");
    }

    private void waitFor(String query, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            Optional<Node> node = robot.lookup(query).tryQuery();
            return node.isPresent() && node.get().isVisible() && node.get().getScene() != null;
        });
    }
}
