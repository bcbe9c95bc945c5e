package dev.latchkey.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Creates unguessable URL-safe strings for secrets such as session ids, OAuth states and generated keys. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private RandomTokens() {
    }

    /** Returns {@code bytes} random bytes as base64url without padding. */
    public static String urlSafe(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be positive");
        }
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return ENCODER.encodeToString(random);
    }
}
