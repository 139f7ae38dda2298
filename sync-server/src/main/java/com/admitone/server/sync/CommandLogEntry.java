package com.admitone.server.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A command's idempotency key with the result it got: what makes a repeated command harmless. */
@Entity
@Table(name = "command_log")
public class CommandLogEntry {
    @Id
    @Column(name = "idem_key")
    String key;
    @Column(name = "device_id")
    String deviceId;
    @Column(name = "user_id")
    String userId;
    @Column(name = "command_type")
    String commandType;
    @Column(name = "received_ms")
    Instant received;
    @Column(name = "device_time_ms")
    Instant deviceTime;
    String status;
    String result;

    protected CommandLogEntry() {
    }

    CommandLogEntry(String key, String deviceId, String userId, String commandType, Instant received, Instant deviceTime,
                    String status, String result) {
        this.key = key;
        this.deviceId = deviceId;
        this.userId = userId;
        this.commandType = commandType;
        this.received = received;
        this.deviceTime = deviceTime;
        this.status = status;
        this.result = result;
    }
}
