package com.admitone.client;

import com.admitone.client.auth.DeviceEnrolment;
import com.admitone.client.auth.PasswordHashes;
import com.admitone.client.auth.StaffLogin;
import com.admitone.client.offline.DeviceKeys;
import com.admitone.client.offline.OfflineSettings;
import com.admitone.client.store.DeviceCredentials;
import com.admitone.client.store.LocalStore;
import com.admitone.client.store.Outbox;
import com.admitone.client.sync.ApiTimeouts;
import com.admitone.client.sync.ProblemMessages;
import com.admitone.client.sync.ServerApi;
import com.admitone.client.sync.SyncEngine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything the client runs on, made once at start and handed to whoever needs it: the local
 * store, the background executor for UI work, and (once the device is enrolled) the connection to
 * the server with its sync engine and staff log-in.
 */
public final class ClientServices implements AutoCloseable {
    private final Path dataDir;
    private final String serverOverride;
    private volatile ApiTimeouts timeouts;
    private final boolean timeoutsGiven;
    private final Clock clock;
    private final LocalStore store;
    private final Outbox outbox;
    private final ExecutorService background;
    private final ProblemMessages problems;
    private final PasswordHashes hashes = new PasswordHashes();
    private volatile Connection connection;

    /** The parts that exist once this device is enrolled. */
    public record Connection(DeviceCredentials credentials, ServerApi api, SyncEngine engine, StaffLogin login) {
    }

    private ClientServices(Path dataDir, String serverOverride, ApiTimeouts timeouts, Clock clock) {
        this.dataDir = dataDir;
        this.serverOverride = serverOverride;
        this.clock = clock;
        this.store = LocalStore.open(dataDir);
        // Timeouts given on the command line win; otherwise the "offline after" of Settings.
        this.timeoutsGiven = timeouts != null;
        this.timeouts = timeouts != null ? timeouts : ApiTimeouts.offlineAfter(new OfflineSettings(store).offlineAfter());
        this.outbox = new Outbox(store, clock);
        this.problems = ProblemMessages.forLocale(Locale.getDefault());
        AtomicInteger n = new AtomicInteger();
        this.background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "admitone-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the store (blocking: call off the JavaFX thread) and connects if the device is enrolled. */
    public static ClientServices open(Path dataDir, String serverOverride, ApiTimeouts timeouts) {
        return open(dataDir, serverOverride, timeouts, Clock.systemUTC());
    }

    /** As {@link #open(Path, String, ApiTimeouts)}, on the given clock. */
    public static ClientServices open(Path dataDir, String serverOverride, ApiTimeouts timeouts, Clock clock) {
        ClientServices services = new ClientServices(dataDir, serverOverride, timeouts, clock);
        DeviceCredentials credentials = services.store.credentials();
        if (credentials != null) {
            services.connect(credentials);
        }
        return services;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The address given with --server, suggested at first start; null if none. */
    public String serverOverride() {
        return serverOverride;
    }

    public LocalStore store() {
        return store;
    }

    public Outbox outbox() {
        return outbox;
    }

    public ExecutorService background() {
        return background;
    }

    public ProblemMessages problems() {
        return problems;
    }

    public Clock clock() {
        return clock;
    }

    public OfflineSettings offlineSettings() {
        return new OfflineSettings(store);
    }

    /** Settings changed "offline after": the next calls use it (unless timeouts came from the command line). */
    public void offlineAfterChanged() {
        if (timeoutsGiven) {
            return;
        }
        timeouts = ApiTimeouts.offlineAfter(offlineSettings().offlineAfter());
        Connection c = connection;
        if (c != null) {
            c.api().useTimeouts(timeouts);
        }
    }

    public DeviceEnrolment enrolment() {
        return new DeviceEnrolment(store, timeouts, clock);
    }

    public Connection connection() {
        return connection;
    }

    /** Creates the server connection for stored credentials and starts syncing. */
    public synchronized Connection connect(DeviceCredentials credentials) {
        if (connection != null) {
            return connection;
        }
        String url = serverOverride != null && !serverOverride.isBlank() ? serverOverride : credentials.serverUrl();
        ServerApi api = new ServerApi(url, timeouts);
        api.useDevice(credentials.deviceId(), credentials.deviceSecret());
        StaffLogin login = new StaffLogin(store, api, hashes, clock);
        SyncEngine engine = new SyncEngine(store, outbox, api, clock, SyncEngine.Settings.DEFAULT, problems);
        engine.setSessionRenewal(login);
        engine.addOnlineTask(new DeviceKeys(store, clock)::ensureCertified);
        engine.start();
        connection = new Connection(credentials, api, engine, login);
        return connection;
    }

    @Override
    public void close() {
        Connection c = connection;
        if (c != null) {
            c.engine().close();
            c.api().shutdown();
        }
        background.shutdownNow();
        try {
            background.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
