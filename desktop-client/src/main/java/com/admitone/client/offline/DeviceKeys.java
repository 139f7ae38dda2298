package com.admitone.client.offline;

import com.admitone.client.store.LocalStore;
import com.admitone.client.store.OwnDeviceKey;
import com.admitone.client.sync.ServerApi;
import com.admitone.model.ticket.DeviceCertificate;
import com.admitone.model.ticket.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Keeps this device's ticket-signing key certified. A device enrolled before device keys existed
 * (or whose enrolment answer had no certificate) makes its key now and has it certified on its
 * next online sync; so does one whose certificate runs out within a month.
 */
public final class DeviceKeys {
    private static final Logger log = LoggerFactory.getLogger(DeviceKeys.class);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final LocalStore store;
    private final Clock clock;

    public DeviceKeys(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Called after a successful sync (the server is reachable, the device is known). */
    public void ensureCertified(ServerApi api) {
        OwnDeviceKey key = store.deviceKey();
        if (key != null) {
            DeviceCertificate certificate = key.certificate();
            if (certificate != null && clock.instant().plus(RENEW_BEFORE).isBefore(certificate.notAfter())) {
                return;
            }
        }
        if (store.credentials() == null) {
            return;
        }
        OwnDeviceKey wanted = key != null && key.certificate() == null ? key : new OwnDeviceKey(SigningKey.generate(), clock.instant());
        if (key == null || key.certificate() == null) {
            store.saveDeviceKey(wanted); // keep the private half before the server sees the public one
        }
        DeviceCertificate certificate = api.certifyDeviceKey(wanted.publicKeyBase64());
        store.saveDeviceKey(wanted.certified(certificate));
        log.info("device key {} certified until {}", wanted.keyId(), certificate.notAfter());
    }
}
