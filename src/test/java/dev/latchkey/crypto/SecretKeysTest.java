package dev.latchkey.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that the service refuses unsafe production secrets and derives stable, separate keys from a good one. */
class SecretKeysTest {

    private static final String SECRET = "a".repeat(16) + "b".repeat(16);
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
