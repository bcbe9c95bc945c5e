-- GitHub webhook deliveries already processed, keyed by X-GitHub-Delivery: a delivery's row and its effect commit
-- together, so of simultaneous copies exactly one has an effect. Rows are purged once expires_at has passed, long
-- after GitHub stops offering redeliveries.
CREATE TABLE webhook_deliveries (
    delivery_id VARCHAR(100) PRIMARY KEY,
    event       VARCHAR(100) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_deliveries_expires_at ON webhook_deliveries (expires_at);
