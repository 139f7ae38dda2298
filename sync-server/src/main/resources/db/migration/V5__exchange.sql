-- Refunds and exchange pay-outs above a venue's limit need a manager's approval (issue 3).
-- The limit is per venue, in the venue's minor units; -1 means no approval is ever needed.
ALTER TABLE venue ADD COLUMN refund_approval_minor BIGINT NOT NULL DEFAULT 10000;

-- A manager's approval of one refund or exchange, named by the command's own id (refundId or
-- exchangeId), given at the counter before the command is sent. It covers pay-outs up to max_minor
-- from that device only.
CREATE TABLE refund_approval (
    command_id      VARCHAR(36) PRIMARY KEY,
    manager_user_id VARCHAR(36) NOT NULL,
    device_id       VARCHAR(36) NOT NULL,
    max_minor       BIGINT      NOT NULL,
    created_ms      BIGINT      NOT NULL
);
