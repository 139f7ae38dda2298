-- Every printing (or saving as PDF) of an order's tickets or receipt on this device, so a reprint
-- can be seen and audited later.
CREATE TABLE print_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id    TEXT    NOT NULL,
    what        TEXT    NOT NULL,  -- TICKETS or RECEIPT
    user_id     TEXT,
    device_id   TEXT,
    printed_ms  INTEGER NOT NULL,
    reprint     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX print_log_order ON print_log (order_id);
