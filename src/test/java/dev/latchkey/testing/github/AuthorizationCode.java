package dev.latchkey.testing.github;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** What GitHub remembers about a code it handed out on /login/oauth/authorize. */
record AuthorizationCode(
        String code, long userId, String clientId, String redirectUri, List<String> scopes,
        String codeChallenge, Instant issuedAt) {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    boolean expiredAt(Instant now) {
        return !now.isBefore(issuedAt.plus(LIFETIME));
    }

    /** PKCE with S256: base64url(sha256(verifier)) without padding must equal the challenge. */
    boolean acceptsVerifier(String verifier) {
        if (codeChallenge == null) {
            return true;
        }
        if (verifier == null) {
            return false;
        }
        byte[] expected = codeChallenge.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = Base64.getUrlEncoder().withoutPadding()
                .encode(Sha256.digest(verifier));
        return MessageDigest.isEqual(expected, actual);
    }
}
