package com.admitone.client;

import com.admitone.client.store.DataFolder;
import com.admitone.client.sync.ApiTimeouts;
import com.admitone.model.BuildInfo;
import javafx.application.Application;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** Command line of the desktop client; launches the JavaFX application. */
@Command(name = "admitone", mixinStandardHelpOptions = true, versionProvider = ClientMain.VersionProvider.class,
        description = "Runs the AdmitOne box-office, gate and school-trip client.")
public final class ClientMain implements Callable<Integer> {

    @Option(names = "--server", description = "Server address, e.g. http://192.168.1.10:7070 (suggested at first start; overrides the stored one).")
    String server;

    @Option(names = "--data", description = "Data folder for the local database (default: the user's application-data folder).")
    Path data;

    @Option(names = "--read-timeout", description = "Seconds to wait for a server answer before working offline "
            + "(default: the \"offline after\" of Settings, 3 s unless changed).")
    Integer readTimeoutSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClientMain()).execute(args));
    }

    @Override
    public Integer call() {
        Path folder = DataFolder.resolve(data);
        // read by logback.xml (the log file goes to <data>/logs) and the About box; set before the first logger
        System.setProperty("admitone.data", folder.toString());
        System.setProperty("admitone.logs", folder.resolve("logs").toString());
        AdmitOneApp.configure(new AdmitOneApp.LaunchOptions(folder, server, readTimeoutSeconds == null ? null
                : ApiTimeouts.DEFAULT.withRead(Duration.ofSeconds(Math.max(1, readTimeoutSeconds)))));
        Application.launch(AdmitOneApp.class);
        return 0;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"AdmitOne desktop client " + BuildInfo.current().describe()};
        }
    }
}
