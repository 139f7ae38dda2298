package com.admitone.client.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One command waiting for, or answered by, the server. Written in the same transaction as the
 * command's local effect; never deleted, so a rejected sale stays visible with its reason.
 */
@Entity
@Table(name = "outbox")
public class OutboxItem {
    public enum Status {
        /** Not yet sent, or sent without an answer (the network failed): will be sent again. */
        PENDING,
        /** Sent in the batch that is on its way now. */
        SENT,
        /** The server applied it (now or on an earlier try). */
        APPLIED,
        /** The server refused it for good; {@link #resultCode()} says why. */
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long position;
    @Column(name = "idem_key")
    String key;
    @Column(name = "command_type")
    String commandType;
    @Column(name = "command_json")
    String commandJson;
    @Column(name = "created_ms")
    Instant created;
    @Column(name = "device_time_ms")
    Instant deviceTime;
    @Column(name = "user_id")
    String userId;
    String status;
    @Column(name = "result_code")
    String resultCode;
    @Column(name = "result_message")
    String resultMessage;
    @Column(name = "applied_seq")
    Long appliedSeq;
    int attempts;
    @Column(name = "last_attempt_ms")
    Instant lastAttempt;
    @Column(name = "last_error")
    String lastError;
    boolean settled;
    /** The server's result data (JSON) for an applied command, e.g. an offline sale's outcome and moves. */
    @Column(name = "result_data")
    String resultData;

    protected OutboxItem() {
    }

    OutboxItem(UUID key, String commandType, String commandJson, Instant created, Instant deviceTime, String userId) {
        this.key = key.toString();
        this.commandType = commandType;
        this.commandJson = commandJson;
        this.created = created;
        this.deviceTime = deviceTime;
        this.userId = userId;
        this.status = Status.PENDING.name();
    }

    public long position() {
        return position;
    }

    public UUID key() {
        return UUID.fromString(key);
    }

    public String commandType() {
        return commandType;
    }

    public String commandJson() {
        return commandJson;
    }

    public Instant created() {
        return created;
    }

    public Instant deviceTime() {
        return deviceTime;
    }

    public String userId() {
        return userId;
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public String resultCode() {
        return resultCode;
    }

    public String resultMessage() {
        return resultMessage;
    }

    public Long appliedSeq() {
        return appliedSeq;
    }

    public int attempts() {
        return attempts;
    }

    public Instant lastAttempt() {
        return lastAttempt;
    }

    public String lastError() {
        return lastError;
    }

    public String resultData() {
        return resultData;
    }

    public boolean settled() {
        return settled;
    }

    void sending(Instant now) {
        status = Status.SENT.name();
        attempts++;
        lastAttempt = now;
    }

    void applied(long seq) {
        status = Status.APPLIED.name();
        appliedSeq = seq;
        lastError = null;
    }

    void rejected(String code, String message) {
        status = Status.REJECTED.name();
        resultCode = code;
        resultMessage = truncate(message);
        lastError = null;
    }

    void failed(String error) {
        status = Status.PENDING.name();
        lastError = truncate(error);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }
}
