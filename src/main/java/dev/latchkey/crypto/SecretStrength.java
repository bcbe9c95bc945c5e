package dev.latchkey.crypto;

import java.util.Optional;

/**
 * Judges whether a secret is fit for production: long enough, and not one a person typed or left as a placeholder.
 *
 * <p>Low variety means fewer than {@value #MINIMUM_DISTINCT} different characters, or one shorter part repeated
 * ({@code changemechangeme...}). A random key passes whatever its alphabet: 32 random hex digits hold 8 different
 * ones but for about one key in a billion.
 */
final class SecretStrength {

    static final int MINIMUM_LENGTH = 32;
    static final int MINIMUM_DISTINCT = 8;

    private SecretStrength() {
    }

    /** Why a secret is unfit for production. */
    enum Weakness {
        TOO_SHORT, LOW_VARIETY;

        /** One line naming the key ({@code name}) and never its value. */
        String reason(String name) {
            return this == TOO_SHORT
                    ? name + " must be at least " + MINIMUM_LENGTH + " characters when APP_ENV=production"
                    : name + " is too easy to guess for APP_ENV=production (fewer than " + MINIMUM_DISTINCT
                            + " different characters, or one part repeated): use a random key, such as the output"
                            + " of openssl rand -base64 48";
        }
    }

    /** What makes {@code secret} unfit for production, if anything. */
    static Optional<Weakness> of(String secret) {
        if (secret.codePointCount(0, secret.length()) < MINIMUM_LENGTH) {
            return Optional.of(Weakness.TOO_SHORT);
        }
        if (secret.codePoints().distinct().count() < MINIMUM_DISTINCT || repeatsAShorterPart(secret)) {
            return Optional.of(Weakness.LOW_VARIETY);
        }
        return Optional.empty();
    }

    /** Whether the secret is its first {@code period} characters over and over, for some period up to half of it. */
    private static boolean repeatsAShorterPart(String secret) {
        int[] chars = secret.codePoints().toArray();
        for (int period = 1; period <= chars.length / 2; period++) {
            if (hasPeriod(chars, period)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasPeriod(int[] chars, int period) {
        for (int i = period; i < chars.length; i++) {
            if (chars[i] != chars[i - period]) {
                return false;
            }
        }
        return true;
    }
}
