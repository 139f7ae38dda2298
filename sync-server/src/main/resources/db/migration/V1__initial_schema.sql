-- AdmitOne sync server, initial schema. Portable between SQLite and PostgreSQL: times are epoch
-- milliseconds (BIGINT), ids are UUID strings for what devices create and server-assigned numbers
-- for reference data, money is integer minor units.

CREATE TABLE counter (
    name  VARCHAR(40) PRIMARY KEY,
    value BIGINT      NOT NULL
);
INSERT INTO counter (name, value) VALUES ('feed', 0);
INSERT INTO counter (name, value) VALUES ('reference', 0);

-- The change feed: one row per authoritative change, seq strictly increasing in commit order.
CREATE TABLE change_entry (
    seq       BIGINT      PRIMARY KEY,
    entity    VARCHAR(32) NOT NULL,
    entity_id VARCHAR(80) NOT NULL,
    deleted   BOOLEAN     NOT NULL,
    data      TEXT,
    at_ms     BIGINT      NOT NULL
);

CREATE TABLE staff_user (
    id             VARCHAR(36)  PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL UNIQUE,
    display_name   VARCHAR(120) NOT NULL,
    role           VARCHAR(20)  NOT NULL,
    password_hash  VARCHAR(200) NOT NULL,
    pin_hash       VARCHAR(200),
    active         BOOLEAN      NOT NULL,
    failed_logins  INTEGER      NOT NULL,
    last_failed_ms BIGINT,
    locked_until_ms BIGINT,
    created_ms     BIGINT       NOT NULL
);

CREATE TABLE device (
    id           VARCHAR(36)  PRIMARY KEY,
    name         VARCHAR(120) NOT NULL,
    secret_hash  VARCHAR(64)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    enrolled_by  VARCHAR(36),
    enrolled_ms  BIGINT       NOT NULL,
    revoked_ms   BIGINT,
    last_seen_ms BIGINT,
    last_skew_ms BIGINT
);

CREATE TABLE staff_session (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_id    VARCHAR(36) NOT NULL REFERENCES staff_user (id),
    device_id  VARCHAR(36) NOT NULL REFERENCES device (id),
    created_ms BIGINT      NOT NULL,
    expires_ms BIGINT      NOT NULL,
    ended      BOOLEAN     NOT NULL
);

-- Ed25519 keys that sign tickets: the server's own (with its private key) and, later, devices'.
CREATE TABLE signing_key (
    key_id      VARCHAR(8)  PRIMARY KEY,
    owner       VARCHAR(16) NOT NULL,
    device_id   VARCHAR(36),
    public_key  VARCHAR(64) NOT NULL,
    private_key VARCHAR(64),
    created_ms  BIGINT      NOT NULL,
    retired_ms  BIGINT,
    revoked     BOOLEAN     NOT NULL
);

CREATE TABLE venue (
    id          BIGINT       PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    timezone    VARCHAR(64)  NOT NULL,
    currency    VARCHAR(3)   NOT NULL,
    tax_rate_bp INTEGER      NOT NULL
);

CREATE TABLE section (
    id         BIGINT      PRIMARY KEY,
    venue_id   BIGINT      NOT NULL REFERENCES venue (id),
    name       VARCHAR(80) NOT NULL,
    sort_order INTEGER     NOT NULL
);

CREATE TABLE seat (
    id          BIGINT           PRIMARY KEY,
    section_id  BIGINT           NOT NULL REFERENCES section (id),
    venue_id    BIGINT           NOT NULL REFERENCES venue (id),
    row_label   VARCHAR(8)       NOT NULL,
    seat_number INTEGER          NOT NULL,
    label       VARCHAR(24)      NOT NULL,
    x           DOUBLE PRECISION NOT NULL,
    y           DOUBLE PRECISION NOT NULL,
    zone        VARCHAR(16)      NOT NULL,
    flags       VARCHAR(120)     NOT NULL
);
CREATE INDEX seat_by_venue ON seat (venue_id);

CREATE TABLE ga_area (
    id       BIGINT      PRIMARY KEY,
    venue_id BIGINT      NOT NULL REFERENCES venue (id),
    name     VARCHAR(80) NOT NULL,
    capacity INTEGER     NOT NULL,
    zone     VARCHAR(16) NOT NULL
);

CREATE TABLE event (
    id               BIGINT       PRIMARY KEY,
    venue_id         BIGINT       NOT NULL REFERENCES venue (id),
    title            VARCHAR(200) NOT NULL,
    description      TEXT,
    duration_minutes INTEGER      NOT NULL
);

CREATE TABLE performance (
    id                 BIGINT      PRIMARY KEY,
    event_id           BIGINT      NOT NULL REFERENCES event (id),
    venue_id           BIGINT      NOT NULL REFERENCES venue (id),
    starts_ms          BIGINT      NOT NULL,
    status             VARCHAR(16) NOT NULL,
    provisional_policy VARCHAR(16) NOT NULL
);
CREATE INDEX performance_by_start ON performance (starts_ms);

CREATE TABLE price (
    performance_id BIGINT      NOT NULL REFERENCES performance (id),
    zone           VARCHAR(16) NOT NULL,
    price_type     VARCHAR(16) NOT NULL,
    amount_minor   BIGINT      NOT NULL,
    PRIMARY KEY (performance_id, zone, price_type)
);

-- Per-performance inventory: one row per seat, created when the performance is created.
CREATE TABLE seat_state (
    performance_id     BIGINT      NOT NULL REFERENCES performance (id),
    seat_id            BIGINT      NOT NULL REFERENCES seat (id),
    state              VARCHAR(10) NOT NULL,
    hold_id            VARCHAR(36),
    hold_expires_ms    BIGINT,
    hold_device_id     VARCHAR(36),
    order_id           VARCHAR(36),
    allotted_device_id VARCHAR(36),
    allotted_until_ms  BIGINT,
    block_reason       VARCHAR(200),
    version            INTEGER     NOT NULL,
    PRIMARY KEY (performance_id, seat_id)
);
CREATE INDEX seat_state_by_hold_expiry ON seat_state (hold_expires_ms);

CREATE TABLE area_state (
    performance_id BIGINT  NOT NULL REFERENCES performance (id),
    area_id        BIGINT  NOT NULL REFERENCES ga_area (id),
    capacity       INTEGER NOT NULL,
    held           INTEGER NOT NULL,
    sold           INTEGER NOT NULL,
    blocked        INTEGER NOT NULL,
    allotted       INTEGER NOT NULL,
    version        INTEGER NOT NULL,
    PRIMARY KEY (performance_id, area_id)
);

CREATE TABLE seat_hold (
    id             VARCHAR(36) PRIMARY KEY,
    performance_id BIGINT      NOT NULL REFERENCES performance (id),
    device_id      VARCHAR(36) NOT NULL,
    user_id        VARCHAR(36) NOT NULL,
    created_ms     BIGINT      NOT NULL,
    expires_ms     BIGINT      NOT NULL,
    status         VARCHAR(12) NOT NULL
);
CREATE INDEX seat_hold_open ON seat_hold (status, expires_ms);

CREATE TABLE hold_area (
    hold_id  VARCHAR(36) NOT NULL REFERENCES seat_hold (id),
    area_id  BIGINT      NOT NULL,
    quantity INTEGER     NOT NULL,
    PRIMARY KEY (hold_id, area_id)
);

CREATE TABLE customer_order (
    id              VARCHAR(36)  PRIMARY KEY,
    order_number    VARCHAR(8)   NOT NULL UNIQUE,
    performance_id  BIGINT       NOT NULL REFERENCES performance (id),
    status          VARCHAR(16)  NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    total_minor     BIGINT       NOT NULL,
    discount_minor  BIGINT       NOT NULL,
    discount_reason VARCHAR(200),
    customer_name   VARCHAR(120),
    customer_email  VARCHAR(200),
    customer_phone  VARCHAR(40),
    user_id         VARCHAR(36)  NOT NULL,
    device_id       VARCHAR(36)  NOT NULL,
    created_ms      BIGINT       NOT NULL,
    device_time_ms  BIGINT
);
CREATE INDEX order_by_customer_name ON customer_order (customer_name);
CREATE INDEX order_by_customer_email ON customer_order (customer_email);
CREATE INDEX order_by_customer_phone ON customer_order (customer_phone);

CREATE TABLE ticket (
    id              VARCHAR(36)  PRIMARY KEY,
    order_id        VARCHAR(36)  NOT NULL REFERENCES customer_order (id),
    performance_id  BIGINT       NOT NULL,
    seat_id         BIGINT,
    area_id         BIGINT,
    price_type      VARCHAR(16)  NOT NULL,
    price_minor     BIGINT       NOT NULL,
    discount_minor  BIGINT       NOT NULL,
    discount_reason VARCHAR(200),
    status          VARCHAR(12)  NOT NULL,
    token           VARCHAR(400) NOT NULL,
    key_id          VARCHAR(8)   NOT NULL,
    issued_ms       BIGINT       NOT NULL,
    revoked_ms      BIGINT,
    reprints        INTEGER      NOT NULL
);
CREATE INDEX ticket_by_order ON ticket (order_id);

CREATE TABLE payment (
    id             VARCHAR(36)  PRIMARY KEY,
    order_id       VARCHAR(36)  NOT NULL REFERENCES customer_order (id),
    kind           VARCHAR(8)   NOT NULL,
    method         VARCHAR(16)  NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    tendered_minor BIGINT,
    reference      VARCHAR(120),
    reason         VARCHAR(200),
    user_id        VARCHAR(36)  NOT NULL,
    device_id      VARCHAR(36)  NOT NULL,
    created_ms     BIGINT       NOT NULL
);
CREATE INDEX payment_by_order ON payment (order_id);

-- Exactly-once: every command's idempotency key with the result it got.
CREATE TABLE command_log (
    idem_key       VARCHAR(36) PRIMARY KEY,
    device_id      VARCHAR(36) NOT NULL,
    user_id        VARCHAR(36) NOT NULL,
    command_type   VARCHAR(32) NOT NULL,
    received_ms    BIGINT      NOT NULL,
    device_time_ms BIGINT,
    status         VARCHAR(12) NOT NULL,
    result         TEXT        NOT NULL
);

CREATE TABLE audit_entry (
    id        VARCHAR(36) PRIMARY KEY,
    at_ms     BIGINT      NOT NULL,
    user_id   VARCHAR(36),
    username  VARCHAR(64),
    device_id VARCHAR(36),
    action    VARCHAR(40) NOT NULL,
    entity    VARCHAR(32) NOT NULL,
    entity_id VARCHAR(80) NOT NULL,
    detail    TEXT
);
CREATE INDEX audit_by_time ON audit_entry (at_ms);
