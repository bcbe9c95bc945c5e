-- Append-only security events. No foreign keys: the trail outlives the users it mentions. detail is a JSON object
-- that never holds a secret.
CREATE SEQUENCE audit_events_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_events (
    id             BIGINT PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    type           VARCHAR(64) NOT NULL,
    actor_user_id  BIGINT,
    target_user_id BIGINT,
    ip_address     VARCHAR(45),
    user_agent     VARCHAR(512),
    detail         VARCHAR(4000) NOT NULL
);
CREATE INDEX audit_events_occurred_at ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_target ON audit_events (target_user_id, occurred_at DESC);
CREATE INDEX audit_events_actor ON audit_events (actor_user_id, occurred_at DESC);
CREATE INDEX audit_events_type ON audit_events (type, occurred_at DESC);
