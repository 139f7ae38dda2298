package com.admitone.client.auth;

import com.admitone.client.store.DeviceCredentials;
import com.admitone.client.store.LocalStore;
import com.admitone.client.store.OwnDeviceKey;
import com.admitone.model.ticket.SigningKey;
import com.admitone.client.sync.ApiTimeouts;
import com.admitone.client.sync.ServerApi;

import java.time.Clock;

/**
 * First start: a manager enrols this device with the server, which returns the device's id and
 * secret; both are stored with the server's address. The manager's password is not stored. The
 * device also makes its Ed25519 key pair for signing tickets sold offline and sends the public key,
 * which the server certifies.
 */
public final class DeviceEnrolment {
    private final LocalStore store;
    private final ApiTimeouts timeouts;
    private final Clock clock;

    public DeviceEnrolment(LocalStore store, ApiTimeouts timeouts, Clock clock) {
        this.store = store;
        this.timeouts = timeouts;
        this.clock = clock;
    }

    public DeviceCredentials enrol(String serverAddress, String deviceName, String managerUsername, String managerPassword) {
        if (deviceName == null || deviceName.isBlank()) {
            throw new LoginRefusedException("enrol.error.name", "Give this device a name, such as \"Box office 1\".");
        }
        if (managerUsername == null || managerUsername.isBlank() || managerPassword == null || managerPassword.isEmpty()) {
            throw new LoginRefusedException("enrol.error.manager", "A manager's username and password are needed.");
        }
        ServerApi api = new ServerApi(serverAddress, timeouts);
        try {
            // The device's own ticket-signing key: made here, its public half certified by the server.
            OwnDeviceKey key = new OwnDeviceKey(SigningKey.generate(), clock.instant());
            ServerApi.Enrolment enrolment = api.enrol(deviceName.strip(), managerUsername.strip(), managerPassword,
                    key.publicKeyBase64());
            DeviceCredentials credentials = new DeviceCredentials(api.baseUrl(), enrolment.deviceId(), enrolment.deviceSecret(),
                    enrolment.name(), clock.instant());
            store.saveCredentials(credentials);
            // An older server certifies nothing: the key waits, and is certified at a later online sync.
            store.saveDeviceKey(enrolment.certificate() == null ? key : key.certified(enrolment.certificate()));
            return credentials;
        } finally {
            api.shutdown();
        }
    }
}
