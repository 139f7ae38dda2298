package com.admitone.client.testing;

import com.admitone.client.auth.Cashier;
import com.admitone.client.auth.DeviceEnrolment;
import com.admitone.client.auth.PasswordHashes;
import com.admitone.client.auth.StaffLogin;
import com.admitone.client.offline.DeviceKeys;
import com.admitone.client.offline.OfflineRefunds;
import com.admitone.client.offline.OfflineSales;
import com.admitone.client.store.DeviceCredentials;
import com.admitone.client.store.LocalStore;
import com.admitone.client.store.Outbox;
import com.admitone.client.store.ReplicaQueries;
import com.admitone.client.sync.ApiTimeouts;
import com.admitone.client.sync.ProblemMessages;
import com.admitone.client.sync.ServerApi;
import com.admitone.client.sync.SyncEngine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/** A whole client without a screen: its own store in {@code dir}, enrolled with a real server and logged in. */
public final class ClientUnderTest implements AutoCloseable {
    public final LocalStore store;
    public final Outbox outbox;
    public final ServerApi api;
    public final SyncEngine engine;
    public final StaffLogin login;
    public final ReplicaQueries replica;
    public final DeviceCredentials credentials;
    public final OfflineSales sales;
    public final OfflineRefunds refunds;
    public Cashier cashier;

    public ClientUnderTest(Path dir, String serverUrl, String deviceName, String username, String password) {
        this(dir, serverUrl, deviceName, username, password, Clock.systemUTC());
    }

    /** A client whose own clock is {@code clock} (a computer whose clock is wrong). */
    public ClientUnderTest(Path dir, String serverUrl, String deviceName, String username, String password, Clock clock) {
        store = LocalStore.open(dir);
        outbox = new Outbox(store, clock);
        credentials = new DeviceEnrolment(store, ApiTimeouts.DEFAULT, clock).enrol(serverUrl, deviceName, "manager", "manager-demo");
        // Generous read timeout: the test machine is shared and a full pull of the demo feed is large.
        api = new ServerApi(credentials.serverUrl(), ApiTimeouts.DEFAULT.withRead(Duration.ofSeconds(30)));
        api.useDevice(credentials.deviceId(), credentials.deviceSecret());
        login = new StaffLogin(store, api, new PasswordHashes(), clock);
        engine = new SyncEngine(store, outbox, api, clock,
                new SyncEngine.Settings(100, 1000, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(30)),
                ProblemMessages.forLocale(Locale.ENGLISH));
        engine.setSessionRenewal(login);
        replica = new ReplicaQueries(store);
        sales = new OfflineSales(store, outbox, credentials.deviceId(), clock);
        refunds = new OfflineRefunds(store, outbox);
        engine.addOnlineTask(new DeviceKeys(store, clock)::ensureCertified);
        cashier = login.login(username, password);
    }

    public Outbox.Author author() {
        return new Outbox.Author(cashier.userId(), credentials.deviceId());
    }

    @Override
    public void close() {
        engine.close();
        api.shutdown();
        store.close();
    }
}
