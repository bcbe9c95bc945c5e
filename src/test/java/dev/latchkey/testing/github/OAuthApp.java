package dev.latchkey.testing.github;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A registered app: an OAuth App (tokens that never expire) or a GitHub App whose user tokens expire and refresh.
 */
record OAuthApp(String clientId, String clientSecret, boolean expiringTokens) {

    boolean hasSecret(String candidate) {
        return candidate != null && MessageDigest.isEqual(
                clientSecret.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }
}
