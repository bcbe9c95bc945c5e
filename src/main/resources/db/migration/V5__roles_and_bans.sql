-- Roles, bans and impersonation. Roles and bans live on the user row, which every request reads anyway, so a change
-- takes effect on the user's existing sessions at once. A ban with no expiry lasts until an admin lifts it; one whose
-- ban_expires_at has passed no longer counts (nothing has to clear it).
ALTER TABLE users ADD COLUMN role VARCHAR(16) DEFAULT 'user' NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('user', 'admin'));
CREATE INDEX users_role ON users (role);

ALTER TABLE users ADD COLUMN banned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN ban_reason VARCHAR(500);
ALTER TABLE users ADD COLUMN ban_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN banned_by BIGINT;

-- An impersonation session belongs to the impersonated user and records the admin acting as them; it goes with that
-- admin's account.
ALTER TABLE sessions ADD COLUMN impersonator_id BIGINT;
ALTER TABLE sessions ADD CONSTRAINT sessions_impersonator_fk
    FOREIGN KEY (impersonator_id) REFERENCES users (id) ON DELETE CASCADE;
CREATE INDEX sessions_impersonator_id ON sessions (impersonator_id);
