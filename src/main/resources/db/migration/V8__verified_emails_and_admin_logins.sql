-- The address GitHub verified for a user's linked GitHub account (the profile email, which GitHub lets a user pick
-- only among verified addresses, else a verified one from /user/emails), kept apart from the account's own email:
-- linking GitHub to a password account no longer replaces its email, and only this address promotes (ADMIN_EMAILS).
ALTER TABLE users ADD COLUMN github_email VARCHAR(320);

-- An account made by GitHub sign-in only ever took its email from GitHub.
UPDATE users SET github_email = email
WHERE github_id IS NOT NULL AND email IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM password_credentials c WHERE c.user_id = users.id);

-- A password account linked before this version had its email replaced by GitHub's: where the two differ, the
-- current one is GitHub's, and the account gets back its registered (lower-cased) address. Where they are equal it is
-- unknown whether GitHub verified it; the next GitHub sign-in fills github_email in.
UPDATE users SET github_email = email
WHERE github_id IS NOT NULL AND email IS NOT NULL
  AND EXISTS (SELECT 1 FROM password_credentials c
              WHERE c.user_id = users.id AND c.email_normalized <> LOWER(TRIM(users.email)));
UPDATE users SET email = (SELECT c.email_normalized FROM password_credentials c WHERE c.user_id = users.id)
WHERE EXISTS (SELECT 1 FROM password_credentials c
              WHERE c.user_id = users.id AND c.email_normalized <> LOWER(TRIM(users.email)));

-- A login listed in ADMIN_GITHUB_LOGINS (lower-cased) belongs to the GitHub account (numeric id) that first presented
-- it: GitHub lets a user give up a login, and another account may take it later. No foreign key: the binding is to
-- the GitHub account and outlives a deleted user row.
CREATE TABLE admin_github_logins (
    github_login VARCHAR(100) PRIMARY KEY,
    github_id    BIGINT NOT NULL,
    bound_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Admins known now keep their logins: a login an admin had when upgrading is theirs, not the next holder's.
INSERT INTO admin_github_logins (github_login, github_id, bound_at)
SELECT LOWER(github_login), MIN(github_id), CURRENT_TIMESTAMP
FROM users
WHERE role = 'admin' AND github_id IS NOT NULL AND github_login IS NOT NULL
GROUP BY LOWER(github_login)
HAVING COUNT(*) = 1;
