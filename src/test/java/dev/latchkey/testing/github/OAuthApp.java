package dev.latchkey.testing.github;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** A registered OAuth App: its client id and secret. */
record OAuthApp(String clientId, String clientSecret) {

    boolean hasSecret(String candidate) {
        return candidate != null && MessageDigest.isEqual(
                clientSecret.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }
}
