-- AdmitOne desktop client, local store. SQLite only. Times are UTC epoch milliseconds, money is
-- integer minor units. Replica tables hold what the server's change feed said last; columns named
-- provisional_* or pending_key hold this device's own writes that the server has not confirmed yet.
-- The replica has no foreign keys on purpose: it mirrors the feed, which is the authority.

CREATE TABLE sync_cursor (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    applied_seq    BIGINT  NOT NULL,
    latest_seen    BIGINT  NOT NULL,
    last_pull_ms   BIGINT,
    last_push_ms   BIGINT
);
INSERT INTO sync_cursor (id, applied_seq, latest_seen) VALUES (1, 0, 0);

-- Every local write is a command here, written in the same transaction as its local effect.
CREATE TABLE outbox (
    position        INTEGER      PRIMARY KEY AUTOINCREMENT,
    idem_key        VARCHAR(36)  NOT NULL UNIQUE,
    command_type    VARCHAR(40)  NOT NULL,
    command_json    TEXT         NOT NULL,
    created_ms      BIGINT       NOT NULL,
    device_time_ms  BIGINT       NOT NULL,
    user_id         VARCHAR(36),
    status          VARCHAR(10)  NOT NULL CHECK (status IN ('PENDING', 'SENT', 'APPLIED', 'REJECTED')),
    result_code     VARCHAR(40),
    result_message  VARCHAR(500),
    applied_seq     BIGINT,
    attempts        INTEGER      NOT NULL,
    last_attempt_ms BIGINT,
    last_error      VARCHAR(500),
    settled         BOOLEAN      NOT NULL DEFAULT 0
);
CREATE INDEX outbox_by_status ON outbox (status, position);

CREATE TABLE device_credentials (
    id             INTEGER      PRIMARY KEY CHECK (id = 1),
    server_url     VARCHAR(300) NOT NULL,
    device_id      VARCHAR(36)  NOT NULL,
    device_secret  VARCHAR(100) NOT NULL,
    device_name    VARCHAR(120) NOT NULL,
    enrolled_ms    BIGINT       NOT NULL
);

-- Staff who logged in on this device before, for offline log-in. Hashes only, never passwords.
CREATE TABLE known_user (
    user_id         VARCHAR(36)  PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL UNIQUE,
    display_name    VARCHAR(120) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    password_hash   VARCHAR(200) NOT NULL,
    pin_hash        VARCHAR(200),
    failed_pins     INTEGER      NOT NULL DEFAULT 0,
    last_login_ms   BIGINT       NOT NULL
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
    venue_id   BIGINT      NOT NULL,
    name       VARCHAR(80) NOT NULL,
    sort_order INTEGER     NOT NULL
);

CREATE TABLE seat (
    id          BIGINT       PRIMARY KEY,
    venue_id    BIGINT       NOT NULL,
    section_id  BIGINT       NOT NULL,
    row_label   VARCHAR(8)   NOT NULL,
    seat_number INTEGER      NOT NULL,
    label       VARCHAR(24)  NOT NULL,
    x           DOUBLE       NOT NULL,
    y           DOUBLE       NOT NULL,
    zone        VARCHAR(16)  NOT NULL,
    flags       VARCHAR(120) NOT NULL
);
CREATE INDEX seat_by_venue ON seat (venue_id);

CREATE TABLE ga_area (
    id       BIGINT      PRIMARY KEY,
    venue_id BIGINT      NOT NULL,
    name     VARCHAR(80) NOT NULL,
    capacity INTEGER     NOT NULL,
    zone     VARCHAR(16) NOT NULL
);

CREATE TABLE event (
    id               BIGINT       PRIMARY KEY,
    venue_id         BIGINT       NOT NULL,
    title            VARCHAR(200) NOT NULL,
    description      TEXT,
    duration_minutes INTEGER      NOT NULL
);

CREATE TABLE performance (
    id                 BIGINT      PRIMARY KEY,
    event_id           BIGINT      NOT NULL,
    venue_id           BIGINT      NOT NULL,
    starts_ms          BIGINT      NOT NULL,
    status             VARCHAR(16) NOT NULL,
    provisional_policy VARCHAR(16)
);
CREATE INDEX performance_by_start ON performance (starts_ms);

CREATE TABLE price (
    performance_id BIGINT      NOT NULL,
    zone           VARCHAR(16) NOT NULL,
    price_type     VARCHAR(16) NOT NULL,
    amount_minor   BIGINT      NOT NULL,
    PRIMARY KEY (performance_id, zone, price_type)
);

-- Only seats that left FREE have a row; no row means FREE.
CREATE TABLE seat_state (
    performance_id     BIGINT      NOT NULL,
    seat_id            BIGINT      NOT NULL,
    state              VARCHAR(10) NOT NULL,
    hold_device_id     VARCHAR(36),
    hold_expires_ms    BIGINT,
    order_id           VARCHAR(36),
    allotted_device_id VARCHAR(36),
    provisional_state  VARCHAR(10),
    provisional_key    VARCHAR(36),
    PRIMARY KEY (performance_id, seat_id)
);
CREATE INDEX seat_state_by_key ON seat_state (provisional_key);

CREATE TABLE area_state (
    performance_id BIGINT  NOT NULL,
    area_id        BIGINT  NOT NULL,
    capacity       INTEGER NOT NULL,
    held           INTEGER NOT NULL,
    sold           INTEGER NOT NULL,
    blocked        INTEGER NOT NULL,
    allotted       INTEGER NOT NULL,
    free           INTEGER NOT NULL,
    provisional_sold INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (performance_id, area_id)
);

CREATE TABLE seat_hold (
    id             VARCHAR(36) PRIMARY KEY,
    performance_id BIGINT      NOT NULL,
    device_id      VARCHAR(36) NOT NULL,
    expires_ms     BIGINT      NOT NULL,
    status         VARCHAR(12) NOT NULL
);

CREATE TABLE customer_order (
    id              VARCHAR(36)  PRIMARY KEY,
    order_number    VARCHAR(8),
    performance_id  BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    total_minor     BIGINT       NOT NULL,
    discount_minor  BIGINT       NOT NULL,
    discount_reason VARCHAR(200),
    customer_name   VARCHAR(120),
    customer_email  VARCHAR(200),
    customer_phone  VARCHAR(40),
    user_id         VARCHAR(36),
    device_id       VARCHAR(36),
    created_ms      BIGINT       NOT NULL,
    pending_key     VARCHAR(36)
);
CREATE INDEX order_by_pending_key ON customer_order (pending_key);

CREATE TABLE ticket (
    id              VARCHAR(36)  PRIMARY KEY,
    order_id        VARCHAR(36)  NOT NULL,
    performance_id  BIGINT       NOT NULL,
    seat_id         BIGINT,
    area_id         BIGINT,
    price_type      VARCHAR(16)  NOT NULL,
    price_minor     BIGINT       NOT NULL,
    discount_minor  BIGINT       NOT NULL,
    discount_reason VARCHAR(200),
    status          VARCHAR(16)  NOT NULL,
    token           VARCHAR(400),
    key_id          VARCHAR(8),
    issued_ms       BIGINT,
    revoked_ms      BIGINT,
    pending_key     VARCHAR(36)
);
CREATE INDEX ticket_by_order ON ticket (order_id);
CREATE INDEX ticket_by_pending_key ON ticket (pending_key);

CREATE TABLE payment (
    id             VARCHAR(36)  PRIMARY KEY,
    order_id       VARCHAR(36)  NOT NULL,
    kind           VARCHAR(12)  NOT NULL,
    method         VARCHAR(16)  NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    tendered_minor BIGINT,
    reference      VARCHAR(120),
    reason         VARCHAR(200),
    user_id        VARCHAR(36),
    device_id      VARCHAR(36),
    created_ms     BIGINT       NOT NULL,
    pending_key    VARCHAR(36)
);
CREATE INDEX payment_by_order ON payment (order_id);
CREATE INDEX payment_by_pending_key ON payment (pending_key);

CREATE TABLE signing_key (
    key_id     VARCHAR(8)  PRIMARY KEY,
    owner      VARCHAR(16) NOT NULL,
    device_id  VARCHAR(36),
    public_key VARCHAR(64) NOT NULL,
    created_ms BIGINT,
    retired_ms BIGINT,
    revoked    BOOLEAN     NOT NULL
);

CREATE TABLE device (
    id     VARCHAR(36)  PRIMARY KEY,
    name   VARCHAR(120) NOT NULL,
    status VARCHAR(16)  NOT NULL
);
