-- Gate scans: every scan any gate made, admitted or not, as sent by the gate (RecordScans).
-- Scans are facts: a second admission of a ticket at another gate is stored too, marked duplicate,
-- so the after-the-fact report can list them. Portable between SQLite and PostgreSQL like V1.
CREATE TABLE scan (
    id             VARCHAR(36) PRIMARY KEY,
    ticket_id      VARCHAR(36),
    performance_id BIGINT,
    gate           VARCHAR(80) NOT NULL,
    mode           VARCHAR(8)  NOT NULL,
    verdict        VARCHAR(24) NOT NULL,
    device_time_ms BIGINT,
    received_ms    BIGINT      NOT NULL,
    device_id      VARCHAR(36) NOT NULL,
    user_id        VARCHAR(36) NOT NULL,
    duplicate      BOOLEAN     NOT NULL
);
CREATE INDEX scan_by_ticket ON scan (ticket_id);
CREATE INDEX scan_by_performance ON scan (performance_id);
