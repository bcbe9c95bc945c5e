-- GitHub App user tokens (ghu_) expire and come with a refresh token (ghr_), both stored Fernet-encrypted.
-- All three columns stay NULL for tokens that never expire (OAuth App tokens, personal access tokens).
ALTER TABLE github_tokens ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE github_tokens ADD COLUMN refresh_token VARCHAR(2048);
ALTER TABLE github_tokens ADD COLUMN refresh_expires_at TIMESTAMP WITH TIME ZONE;
