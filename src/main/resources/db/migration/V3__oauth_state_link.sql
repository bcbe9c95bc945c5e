-- A GitHub authorization started by a signed-in user to link GitHub to their account; null for a sign-in.
ALTER TABLE oauth_states ADD COLUMN link_user_id BIGINT;
ALTER TABLE oauth_states ADD CONSTRAINT oauth_states_link_user_fk
    FOREIGN KEY (link_user_id) REFERENCES users (id) ON DELETE CASCADE;
