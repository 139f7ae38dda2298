-- Offline selling (docs/offline.md): allotments, device keys, conflicts, provisional policy, and
-- the device's clock on every audit entry. Portable between SQLite and PostgreSQL like V1: times
-- are epoch milliseconds, ids of device-made things are UUID strings, only ADD COLUMN alterations.

-- A lease of seats and general-admission places of one performance to one device until a deadline.
-- The seats themselves are ALLOTTED in seat_state (with allotment_id); places are counted here and
-- in area_state.allotted.
CREATE TABLE allotment (
    id             VARCHAR(36) PRIMARY KEY,
    performance_id BIGINT      NOT NULL REFERENCES performance (id),
    device_id      VARCHAR(36) NOT NULL,
    created_by     VARCHAR(36) NOT NULL,
    created_ms     BIGINT      NOT NULL,
    until_ms       BIGINT      NOT NULL,
    status         VARCHAR(12) NOT NULL
);
CREATE INDEX allotment_open ON allotment (status, until_ms);
CREATE INDEX allotment_by_device ON allotment (device_id);

CREATE TABLE allotment_area (
    allotment_id VARCHAR(36) NOT NULL REFERENCES allotment (id),
    area_id      BIGINT      NOT NULL,
    quantity     INTEGER     NOT NULL,
    sold         INTEGER     NOT NULL,
    PRIMARY KEY (allotment_id, area_id)
);

ALTER TABLE seat_state ADD COLUMN allotment_id VARCHAR(36);
CREATE INDEX seat_state_by_allotment ON seat_state (allotment_id);
CREATE INDEX seat_state_by_allotted_until ON seat_state (allotted_until_ms);

-- Devices' certified ticket-signing keys: the certificate fields as the server signed them.
-- key_id is unique across server and device keys (enrolment refuses a clash).
CREATE TABLE device_key (
    key_id        VARCHAR(8)  PRIMARY KEY,
    device_id     VARCHAR(36) NOT NULL REFERENCES device (id),
    public_key    VARCHAR(64) NOT NULL UNIQUE,
    not_after_ms  BIGINT      NOT NULL,
    issuer_key_id VARCHAR(8)  NOT NULL,
    signature     VARCHAR(100) NOT NULL,
    created_ms    BIGINT      NOT NULL,
    revoked       BOOLEAN     NOT NULL
);
CREATE INDEX device_key_by_device ON device_key (device_id);

-- A provisional offline sale the server could not place: the order and payments are kept, the
-- unplaced tickets are CANCELLED, and staff settle it (other seats, refund, mark resolved).
CREATE TABLE offline_conflict (
    id             VARCHAR(36) PRIMARY KEY,
    order_id       VARCHAR(36) NOT NULL REFERENCES customer_order (id),
    performance_id BIGINT      NOT NULL,
    device_id      VARCHAR(36) NOT NULL,
    status         VARCHAR(12) NOT NULL,
    ticket_ids     TEXT        NOT NULL,
    seat_ids       TEXT        NOT NULL,
    area_ids       TEXT        NOT NULL,
    created_ms     BIGINT      NOT NULL,
    resolution     VARCHAR(16),
    note           VARCHAR(500),
    resolved_ms    BIGINT,
    resolved_by    VARCHAR(36)
);
CREATE INDEX offline_conflict_by_status ON offline_conflict (status);

-- What sync made of an offline sale (GUARANTEED, ACCEPTED, MOVED, CONFLICT); null for online sales.
ALTER TABLE customer_order ADD COLUMN reconcile_outcome VARCHAR(12);

-- The device's clock when it recorded the command behind an audit entry (command_log has it too).
ALTER TABLE audit_entry ADD COLUMN device_time_ms BIGINT;

-- V1 stored a placeholder policy; from now on it is a com.admitone.model.offline.ProvisionalPolicy.
UPDATE performance SET provisional_policy = 'ACCEPT_OR_MOVE' WHERE provisional_policy = 'ALLOW';
UPDATE performance SET provisional_policy = 'NOT_ALLOWED' WHERE provisional_policy NOT IN ('ACCEPT_OR_MOVE', 'ACCEPT_IF_FREE', 'NOT_ALLOWED');
