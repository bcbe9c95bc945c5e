package dev.latchkey.crypto;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Judges whether a secret is fit for production: long enough, and not one a person typed or left as a placeholder.
 *
 * <p>Low variety means fewer than {@value #MINIMUM_DISTINCT} different characters, one character making up over
 * {@value #MAXIMUM_SHARE_PERCENT}% of it, or a shorter part repeated, even with a few characters changed or added
 * ({@code changemechangeme...!}): at some shift, at least {@value #REPEAT_PERCENT}% of the characters equal the one
 * that many places before. A random key passes whatever its alphabet: for 32 random hex digits each of these is
 * rarer than one key in ten thousand.
 */
final class SecretStrength {

    static final int MINIMUM_LENGTH = 32;
    static final int MINIMUM_DISTINCT = 8;
    static final int MAXIMUM_SHARE_PERCENT = 40;
    static final int REPEAT_PERCENT = 75;

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
                            + " different characters, one character in over " + MAXIMUM_SHARE_PERCENT
                            + "% of it, or a part repeated): use a random key, such as the output"
                            + " of openssl rand -base64 48";
        }
    }

    /** What makes {@code secret} unfit for production, if anything. */
    static Optional<Weakness> of(String secret) {
        int[] chars = secret.codePoints().toArray();
        if (chars.length < MINIMUM_LENGTH) {
            return Optional.of(Weakness.TOO_SHORT);
        }
        if (Arrays.stream(chars).distinct().count() < MINIMUM_DISTINCT || oneCharacterDominates(chars)
                || repeatsAShorterPart(chars)) {
            return Optional.of(Weakness.LOW_VARIETY);
        }
        return Optional.empty();
    }

    private static boolean oneCharacterDominates(int[] chars) {
        Map<Integer, Long> counts = Arrays.stream(chars).boxed()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long most = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return most * 100 > (long) MAXIMUM_SHARE_PERCENT * chars.length;
    }

    /** Whether, for some shift up to half the secret, most characters equal the one that many places before. */
    private static boolean repeatsAShorterPart(int[] chars) {
        for (int period = 1; period <= chars.length / 2; period++) {
            int same = 0;
            for (int i = period; i < chars.length; i++) {
                if (chars[i] == chars[i - period]) {
                    same++;
                }
            }
            if (same * 100 >= REPEAT_PERCENT * (chars.length - period)) {
                return true;
            }
        }
        return false;
    }
}
