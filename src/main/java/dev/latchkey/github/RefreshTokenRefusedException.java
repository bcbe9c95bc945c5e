package dev.latchkey.github;

/**
 * GitHub answered {@code bad_refresh_token}: the refresh token was used, revoked or has expired, for good.
 */
public class RefreshTokenRefusedException extends RuntimeException {

    RefreshTokenRefusedException() {
        super("GitHub refused the refresh token", null, false, false);
    }
}
