-- GitHub's numeric ids of the allowed organizations and teams (GITHUB_ALLOWED_ORGS, GITHUB_ALLOWED_TEAMS,
-- GITHUB_ADMIN_TEAMS), resolved once and kept for every node and restart: organizations and teams can be renamed, and
-- a released login can be taken by someone else.
CREATE TABLE github_allowed_ids (
    entry           VARCHAR(150) PRIMARY KEY,
    organization_id BIGINT NOT NULL,
    team_id         BIGINT,
    resolved_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Each user's last organization membership check: when the next is due (a node claims it by moving due_at), when
-- GitHub last answered (verified_at, or created_at for the staleness bound until it first did), what it said (result),
-- how the last attempt failed if it did (failure), the allowed entries the user was found in, and when GitHub's word
-- (a check's answer or a webhook) last changed them (changed_at: an answer asked for before that is out of date).
CREATE TABLE membership_checks (
    user_id       BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    verified_at   TIMESTAMP WITH TIME ZONE,
    changed_at    TIMESTAMP WITH TIME ZONE,
    result        VARCHAR(32) NOT NULL,
    failure       VARCHAR(32),
    found         VARCHAR(65536) NOT NULL,
    admin_by_team BOOLEAN NOT NULL
);

-- Why a session was ended, when the token's holder should be told more than "invalid or expired".
ALTER TABLE sessions ADD COLUMN end_reason VARCHAR(32);
