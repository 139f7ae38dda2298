package com.admitone.server;

import com.admitone.server.storage.DatabaseSettings;
import com.admitone.server.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of the sync server. Settings come from options, then the environment
 * ({@code ADMITONE_DB_URL}, {@code ADMITONE_DB_USER}, {@code ADMITONE_DB_PASSWORD}), then
 * {@code admitone-server.properties} in the data folder, then the embedded defaults.
 */
@Command(name = "admitone-server", mixinStandardHelpOptions = true, versionProvider = ServerMain.VersionProvider.class,
        description = "Runs the AdmitOne sync server: the authoritative seat inventory, the command API and the change feed.")
public final class ServerMain implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one).", defaultValue = "7070")
    int port;

    @Option(names = "--data", description = "Data folder for the embedded database and keys (default ${DEFAULT-VALUE}).",
            defaultValue = "data/server")
    Path data;

    @Option(names = "--db-url", description = "JDBC URL, e.g. jdbc:postgresql://host/admitone (default: SQLite in the data folder).")
    String dbUrl;

    @Option(names = "--db", hidden = true, description = "Alias of --db-url.")
    String dbAlias;

    @Option(names = "--db-user", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", description = "Database password.")
    String dbPassword;

    @Option(names = "--db-pool", description = "Connection pool size (default ${DEFAULT-VALUE}).", defaultValue = "8")
    int pool;

    @Option(names = "--demo", description = "Load the demo venues, performances and staff accounts on first start.")
    boolean demo;

    @Option(names = "--demo-days", description = "Days of demo performances (default ${DEFAULT-VALUE}).", defaultValue = "28")
    int demoDays;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServerMain()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Files.createDirectories(data);
        Properties file = new Properties();
        Path properties = data.resolve("admitone-server.properties");
        if (Files.exists(properties)) {
            try (InputStream in = Files.newInputStream(properties)) {
                file.load(in);
            }
        }
        String url = first(dbUrl, dbAlias, System.getenv("ADMITONE_DB_URL"), file.getProperty("db.url"));
        String user = first(dbUser, System.getenv("ADMITONE_DB_USER"), file.getProperty("db.user"));
        String password = first(dbPassword, System.getenv("ADMITONE_DB_PASSWORD"), file.getProperty("db.password"));
        ServerConfig config = ServerConfig.sqlite(port, data).withDemo(demo, demoDays);
        if (url != null) {
            config = config.withDatabase(new DatabaseSettings(url, user, password, pool));
        }
        AdmitOneServer server;
        try {
            server = AdmitOneServer.start(config);
        } catch (StorageException e) {
            System.err.println("admitone-server: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        System.out.println("AdmitOne server listening on port " + server.port());
        stopped.await();
        return 0;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"AdmitOne server " + Version.described()};
        }
    }
}
