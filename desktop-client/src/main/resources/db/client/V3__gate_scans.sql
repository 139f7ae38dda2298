-- Gate scans known to this device: its own (recorded at once, sent through the outbox as
-- RecordScans) and other gates' (from the change feed's `scan` entries). The gate rule counts
-- open admissions of a ticket from here, so a second entry is caught without the network.
CREATE TABLE scan (
    id             VARCHAR(36) PRIMARY KEY,
    ticket_id      VARCHAR(36),
    performance_id BIGINT,
    gate           VARCHAR(80) NOT NULL,
    mode           VARCHAR(8)  NOT NULL,
    verdict        VARCHAR(24) NOT NULL,
    scanned_ms     BIGINT      NOT NULL,
    device_id      VARCHAR(36),
    duplicate      BOOLEAN     NOT NULL,
    confirmed      BOOLEAN     NOT NULL
);
CREATE INDEX scan_by_ticket ON scan (ticket_id);
CREATE INDEX scan_by_performance ON scan (performance_id, verdict);
