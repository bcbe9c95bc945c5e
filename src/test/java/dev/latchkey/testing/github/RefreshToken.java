package dev.latchkey.testing.github;

import java.time.Instant;

/** A GitHub App's single-use refresh token ({@code ghr_}) and the access token it was issued with. */
record RefreshToken(String value, long userId, String clientId, String accessToken, Instant expiresAt) {

    boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
