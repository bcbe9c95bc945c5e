package dev.latchkey.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that the service refuses unsafe production secrets and derives stable, separate keys from a good one. */
class SecretKeysTest {

    private static final String SECRET = "Kq3vX9pL2mZ7rT5wY8nB4cF6hJ1dG0sA";
    private static final String PRODUCTION_MESSAGE =
            "SECRET_KEY must be set to at least 32 characters when APP_ENV=production";

    @Test
    void productionRefusesToStartWithoutASecretKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SecretKeys(Optional.empty(), "production"));

        assertEquals(PRODUCTION_MESSAGE, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 31})
    void productionRefusesToStartWithAShortSecretKey(int length) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SecretKeys(Optional.of("s".repeat(length)), "production"));

        assertEquals(PRODUCTION_MESSAGE, e.getMessage());
    }

    @Test
    void productionRefusesABlankSecretKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SecretKeys(Optional.of(" ".repeat(40)), "production"));

        assertEquals(PRODUCTION_MESSAGE, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ssssssssssssssssssssssssssssssssssssssss", // one character
        "abababababababababababababababababababab", // two
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabcdefg", // seven different ones
        "changemechangemechangemechangeme", // one part repeated
        "0123456789012345678901234567890123456789", // ten different ones, repeated
        "correct-horse-battery-staplecorrect-horse-battery-staple",
        "changemechangemechangemechangeme!", // a repeated part with one character added
        "passwordpasswordpasswordpassword1",
        "Xchangemechangemechangemechangeme", // ... or put in front
        "abcdefghaaaaaaaaaaaaaaaaaaaaaaaa", // eight different characters, one of them in most places
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabcdefgh",
        "a1a2a3a4a5a6a7a8a9a0a1a2a3a4a5a6"})
    void productionRefusesASecretKeyOfLowVarietyWithoutShowingIt(String weak) {
        try (LogRecords logs = LogRecords.of(SecretKeys.class)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new SecretKeys(Optional.of(weak), "production"));

            assertEquals("SECRET_KEY is too easy to guess for APP_ENV=production (fewer than 8 different characters,"
                    + " one character in over 40% of it, or a part repeated): use a random key, such as the output"
                    + " of openssl rand -base64 48",
                    e.getMessage());
            assertEquals(List.of(e.getMessage()), logs.messages(), "one line for the operator");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "3f9a0c71d2e84b6f5a7c9e1d0b2f4a68", // openssl rand -hex 16
        "mY0dZ0Yk1vQ2cJ9yq0r0Xq7yWm1b0m8xR6qQ2s7dJc2h1mY9S1cQn3v6p1y0bZ9T"}) // openssl rand -base64 48
    void productionAcceptsRandomKeysWhateverTheirAlphabet(String random) {
        assertTrue(new SecretKeys(Optional.of(random), "production").production());
    }

    @Test
    void tenThousandRandomHexKeysAllPass() {
        Random random = new Random(20261202); // seeded: the same keys every run
        byte[] bytes = new byte[16];
        for (int i = 0; i < 10_000; i++) {
            random.nextBytes(bytes);
            String key = HexFormat.of().formatHex(bytes); // as openssl rand -hex 16
            assertTrue(SecretStrength.of(key).isEmpty(), key);
        }
    }

    @Test
    void productionRefusesAWeakPreviousKeyNamingItsPositionNeverItsValue() {
        String shortOne = "old-key-too-short";
        IllegalStateException tooShort = assertThrows(IllegalStateException.class,
                () -> new SecretKeys(Optional.of(SECRET), "production", Optional.of(shortOne)));
        assertEquals("PREVIOUS_SECRET_KEYS entry 1 must be at least 32 characters when APP_ENV=production",
                tooShort.getMessage());

        String repeated = "x".repeat(40);
        IllegalStateException lowVariety = assertThrows(IllegalStateException.class,
                () -> new SecretKeys(Optional.of(SECRET), "production", Optional.of(SECRET + "1, " + repeated)));
        assertEquals("PREVIOUS_SECRET_KEYS entry 2 is too easy to guess for APP_ENV=production (fewer than 8 different"
                + " characters, one character in over 40% of it, or a part repeated): use a random key, such as the"
                + " output of openssl rand -base64 48",
                lowVariety.getMessage());
        assertFalse(lowVariety.getMessage().contains(repeated));
    }

    @Test
    void developmentAcceptsWeakKeysForTryingThingsOut() {
        SecretKeys keys = new SecretKeys(Optional.of("dev"), "development", Optional.of("old"));

        assertEquals(KeyDerivation.fernetKey("dev"), keys.fernetKey());
        assertEquals(List.of(KeyDerivation.fernetKey("old")), keys.previousFernetKeys());
    }

    @Test
    void productionStartsWithA32CharacterSecretKey() {
        SecretKeys keys = new SecretKeys(Optional.of(SECRET), "production");

        assertTrue(keys.production());
        assertEquals(KeyDerivation.fernetKey(SECRET), keys.fernetKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "staging", "Production", "prod"})
    void refusesAnUnknownEnvironment(String appEnv) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SecretKeys(Optional.of(SECRET), appEnv));

        assertEquals("APP_ENV must be development or production", e.getMessage());
    }

    @Test
    void developmentWithoutASecretKeyUsesARandomOneAndWarnsOnce() {
        try (LogRecords logs = LogRecords.of(SecretKeys.class)) {
            SecretKeys first = new SecretKeys(Optional.empty(), "development");
            SecretKeys second = new SecretKeys(Optional.empty(), "development");

            assertFalse(first.production());
            assertNotEquals(first.fernetKey(), second.fernetKey());
            assertFalse(Arrays.equals(first.signingKey(), second.signingKey()));
            assertNotEquals(first.keyId(), second.keyId());
            assertEquals(List.of(
                    "No SECRET_KEY set: using a random key; sessions and stored GitHub tokens will not survive a restart",
                    "No SECRET_KEY set: using a random key; sessions and stored GitHub tokens will not survive a restart"),
                    logs.messages());
        }
    }

    @Test
    void developmentAcceptsAConfiguredSecretKeyWithoutWarning() {
        try (LogRecords logs = LogRecords.of(SecretKeys.class)) {
            SecretKeys keys = new SecretKeys(Optional.of(SECRET), "development");

            assertEquals(KeyDerivation.fernetKey(SECRET), keys.fernetKey());
            assertEquals(List.of(), logs.messages());
        }
    }

    @Test
    void theSigningKeyIsNotTheFernetKey() {
        SecretKeys keys = new SecretKeys(Optional.of(SECRET), "production");
        byte[] fernetKeyBytes = Base64.getUrlDecoder().decode(keys.fernetKey());

        assertEquals(32, keys.signingKey().length);
        assertFalse(Arrays.equals(fernetKeyBytes, keys.signingKey()));
        assertFalse(Arrays.equals(Arrays.copyOf(fernetKeyBytes, 16), Arrays.copyOf(keys.signingKey(), 16)));
    }

    @Test
    void theSameSecretAlwaysGivesTheSameKeys() {
        SecretKeys first = new SecretKeys(Optional.of(SECRET), "production");
        SecretKeys second = new SecretKeys(Optional.of(SECRET), "development");

        assertArrayEquals(first.signingKey(), second.signingKey());
        assertEquals(first.keyId(), second.keyId());
        assertEquals(first.fernetKey(), second.fernetKey());
    }

    @Test
    void theKeyIdIsShortAndDiffersBetweenSecrets() {
        SecretKeys first = new SecretKeys(Optional.of(SECRET), "production");
        SecretKeys other = new SecretKeys(Optional.of(SECRET + "!"), "production");

        assertEquals(12, first.keyId().length());
        assertNotEquals(first.keyId(), other.keyId());
    }

    @Test
    void callersCannotChangeTheSigningKey() {
        SecretKeys keys = new SecretKeys(Optional.of(SECRET), "production");
        byte[] expected = keys.signingKey();

        keys.signingKey()[0] ^= 1;

        assertArrayEquals(expected, keys.signingKey());
    }
}
