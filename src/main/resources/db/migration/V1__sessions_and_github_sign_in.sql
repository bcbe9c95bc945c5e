CREATE SEQUENCE users_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE users (
    id           BIGINT PRIMARY KEY,
    github_id    BIGINT,
    github_login VARCHAR(100),
    name         VARCHAR(255),
    email        VARCHAR(320),
    avatar_url   VARCHAR(1024),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_github_id_unique UNIQUE (github_id)
);

CREATE TABLE github_tokens (
    user_id      BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    access_token VARCHAR(2048) NOT NULL,
    scopes       VARCHAR(1024) NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sessions (
    id           VARCHAR(64) PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ip_address   VARCHAR(45),
    user_agent   VARCHAR(512),
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE oauth_states (
    state_hash    VARCHAR(64) PRIMARY KEY,
    code_verifier VARCHAR(128) NOT NULL,
    redirect_path VARCHAR(2048) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oauth_states_expires_at ON oauth_states (expires_at);
