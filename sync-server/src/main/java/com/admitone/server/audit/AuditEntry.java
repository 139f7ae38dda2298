package com.admitone.server.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of the audit trail: who, on which device, when, did what to which thing. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    String id;
    @Column(name = "at_ms")
    Instant at;
    @Column(name = "user_id")
    String userId;
    String username;
    @Column(name = "device_id")
    String deviceId;
    String action;
    String entity;
    @Column(name = "entity_id")
    String entityId;
    String detail;
    /** The device's own clock when it recorded the command behind this entry; null for the server's own work. */
    @Column(name = "device_time_ms")
    Instant deviceTime;

    protected AuditEntry() {
    }

    public AuditEntry(String id, Instant at, String userId, String username, String deviceId, String action,
                      String entity, String entityId, String detail) {
        this.id = id;
        this.at = at;
        this.userId = userId;
        this.username = username;
        this.deviceId = deviceId;
        this.action = action;
        this.entity = entity;
        this.entityId = entityId;
        this.detail = detail;
    }

    public AuditEntry withDeviceTime(Instant deviceTime) {
        this.deviceTime = deviceTime;
        return this;
    }

    public AuditRecord toRecord() {
        return new AuditRecord(id, at, userId, username, deviceId, action, entity, entityId, detail, deviceTime);
    }
}
