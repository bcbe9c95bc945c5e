-- The session that asked to link GitHub: the link goes on only while it is live, and it ends when the link's new
-- session begins. No foreign key: session rows are purged on their own schedule, and a missing row refuses the link.
ALTER TABLE oauth_states ADD COLUMN link_session_id VARCHAR(64);
