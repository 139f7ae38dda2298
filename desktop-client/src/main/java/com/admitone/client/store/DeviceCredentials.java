package com.admitone.client.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * This device's enrolment: which server it belongs to and the id and secret the server gave it.
 * The secret must be readable to log staff in, so it is stored as given; the data folder is the
 * user's own, and a lost device is revoked on the server.
 */
@Entity
@Table(name = "device_credentials")
public class DeviceCredentials {
    static final int ID = 1;

    @Id
    int id = ID;
    @Column(name = "server_url")
    String serverUrl;
    @Column(name = "device_id")
    String deviceId;
    @Column(name = "device_secret")
    String deviceSecret;
    @Column(name = "device_name")
    String deviceName;
    @Column(name = "enrolled_ms")
    Instant enrolled;

    protected DeviceCredentials() {
    }

    public DeviceCredentials(String serverUrl, String deviceId, String deviceSecret, String deviceName, Instant enrolled) {
        this.serverUrl = serverUrl;
        this.deviceId = deviceId;
        this.deviceSecret = deviceSecret;
        this.deviceName = deviceName;
        this.enrolled = enrolled;
    }

    public String serverUrl() {
        return serverUrl;
    }

    public String deviceId() {
        return deviceId;
    }

    public String deviceSecret() {
        return deviceSecret;
    }

    public String deviceName() {
        return deviceName;
    }

    public Instant enrolled() {
        return enrolled;
    }
}
