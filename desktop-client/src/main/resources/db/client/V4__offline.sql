-- Offline selling (docs/offline.md): this device's own ticket-signing key, local settings, and the
-- replica of allotments, conflicts and device certificates from the change feed.

-- This device's Ed25519 key pair, made at enrolment; the certificate arrives from the server.
CREATE TABLE own_device_key (
    id               INTEGER      PRIMARY KEY,
    key_id           VARCHAR(8)   NOT NULL,
    private_key      VARCHAR(64)  NOT NULL,
    public_key       VARCHAR(64)  NOT NULL,
    certificate_json TEXT,
    created_ms       BIGINT       NOT NULL
);

-- Settings of this computer (offline switch-over time, offline refund limit, ...).
CREATE TABLE local_setting (
    name  VARCHAR(60)  PRIMARY KEY,
    value VARCHAR(200) NOT NULL
);

-- Certified device keys (feed "device_key"): the gate trusts a device-signed ticket through these.
CREATE TABLE device_certificate (
    key_id        VARCHAR(8)   PRIMARY KEY,
    device_id     VARCHAR(36)  NOT NULL,
    public_key    VARCHAR(64)  NOT NULL,
    not_after_ms  BIGINT       NOT NULL,
    issuer_key_id VARCHAR(8)   NOT NULL,
    signature     VARCHAR(100) NOT NULL,
    revoked       BOOLEAN      NOT NULL
);

-- Leases of seats or places to one device (feed "allotment"). Seat and area lists as JSON text.
CREATE TABLE allotment (
    id             VARCHAR(36) PRIMARY KEY,
    performance_id BIGINT      NOT NULL,
    device_id      VARCHAR(36) NOT NULL,
    until_ms       BIGINT      NOT NULL,
    status         VARCHAR(16) NOT NULL,
    seat_ids       TEXT        NOT NULL,
    areas          TEXT        NOT NULL
);
CREATE INDEX allotment_by_device ON allotment (device_id, performance_id);

-- Provisional sales the server could not place (feed "conflict").
CREATE TABLE sale_conflict (
    id             VARCHAR(36)  PRIMARY KEY,
    order_id       VARCHAR(36),
    performance_id BIGINT,
    device_id      VARCHAR(36),
    status         VARCHAR(16)  NOT NULL,
    reason         VARCHAR(300),
    ticket_ids     TEXT         NOT NULL,
    seat_ids       TEXT         NOT NULL,
    area_ids       TEXT         NOT NULL,
    order_number   VARCHAR(20),
    created_ms     BIGINT,
    resolved_ms    BIGINT,
    resolution     VARCHAR(16),
    note           VARCHAR(500),
    pending_key    VARCHAR(36)
);

-- What sync made of an offline sale (GUARANTEED, PROVISIONAL until answered, then ACCEPTED, MOVED, CONFLICT).
ALTER TABLE customer_order ADD COLUMN offline_outcome VARCHAR(16);
-- An offline refund revokes the ticket here at once, before the server has the refund.
ALTER TABLE ticket ADD COLUMN provisional_status VARCHAR(16);
ALTER TABLE ticket ADD COLUMN provisional_key VARCHAR(36);
CREATE INDEX ticket_by_provisional_key ON ticket (provisional_key);
-- The server's result data for a command (the moves of an offline sale, the conflict id).
ALTER TABLE outbox ADD COLUMN result_data TEXT;
