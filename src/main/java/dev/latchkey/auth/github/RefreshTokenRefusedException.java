package dev.latchkey.auth.github;

/**
 * GitHub answered {@code bad_refresh_token}: the refresh token was used, revoked or has expired, for good.
 */
class RefreshTokenRefusedException extends RuntimeException {

    RefreshTokenRefusedException() {
        super("GitHub refused the refresh token", null, false, false);
    }
}
