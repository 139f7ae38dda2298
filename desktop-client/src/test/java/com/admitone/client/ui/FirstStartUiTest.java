package com.admitone.client.ui;

import com.admitone.client.AdmitOneApp;
import com.admitone.client.sync.ApiTimeouts;
import com.admitone.server.testing.Backend;
import com.admitone.server.testing.TestServer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
 * The first start, end to end on a headless screen (Monocle) against a real sync server: type the
 * server address and a manager's credentials, enrol, log in as box office, and find the shell
 * with the status bar saying online and naming the cashier and this computer.
 */
class FirstStartUiTest {
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
    void enrolThenLogInAndSeeTheShellOnline() throws Exception {
        waitFor("#serverField", 60);
        robot.clickOn("#serverField").write(server.baseUrl());
        TextField device = robot.lookup("#deviceField").queryAs(TextField.class);
        robot.interact(device::clear);
        robot.clickOn("#deviceField").write("Test till");
        robot.clickOn("#managerField").write("manager");
        robot.clickOn("#managerPasswordField").write("manager-demo");
        robot.clickOn("#enrolButton");

        waitFor("#usernameField", 90);
        robot.clickOn("#usernameField").write("boxoffice");
        robot.clickOn("#passwordField").write("boxoffice-demo");
        robot.clickOn("#loginButton");

        waitFor("#statusCashier", 90);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> "Online".equals(robot.lookup("#statusConnection").queryAs(Label.class).getText()));
        assertThat(text("#statusCashier")).contains("Ben Boxoffice");
        assertThat(text("#statusDevice")).contains("Test till");
        assertThat(robot.lookup("#nav-box_office").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-sync").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-reports").tryQuery()).as("reports are for managers").isEmpty();
        waitFor("#performanceList", 30); // the Box office section opens first

        robot.clickOn("#nav-sync");
        waitFor("#outboxTable", 30);
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void waitFor(String query, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            Optional<Node> node = robot.lookup(query).tryQuery();
            return node.isPresent() && node.get().isVisible() && node.get().getScene() != null;
        });
    }
}
