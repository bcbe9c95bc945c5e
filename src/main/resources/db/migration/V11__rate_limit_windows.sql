-- Rate-limit counts shared by every node (RATE_LIMIT_STORE=database): one row per counted key, holding the attempts
-- of its current one-minute window. The key (it holds an email or a token fingerprint an attacker picks) is stored as
-- its SHA-256, so a row has a bounded size and names nobody. A row whose window has ended is reused by the next
-- attempt, and purged once expires_at has passed.
CREATE TABLE rate_limit_windows (
    bucket       VARCHAR(64) PRIMARY KEY,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rate_limit_windows_expires_at ON rate_limit_windows (expires_at);
