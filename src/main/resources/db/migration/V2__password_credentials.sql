-- Email and password sign-in: one credential per user, found by the lower-cased, trimmed email. The user's display
-- email stays in users.email.
CREATE TABLE password_credentials (
    user_id          BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    email_normalized VARCHAR(320) NOT NULL,
    password_hash    VARCHAR(100) NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT password_credentials_email_unique UNIQUE (email_normalized)
);
