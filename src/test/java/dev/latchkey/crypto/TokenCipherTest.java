package dev.latchkey.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that stored GitHub tokens round-trip, stay readable for ever, and fail in one way a user can act on. */
class TokenCipherTest {

    private static final String GITHUB_TOKEN = "gho_16C7e42F292c6912E7710c838347Ae178B4a";
    private static final String EXPIRED_MESSAGE = "Session expired \u2014 please log out and sign in again";
    private static final String KEY = KeyDerivation.fernetKey("the-current-secret-key-of-32-characters");
    private static final byte[] IV = new byte[16];

    private final TokenCipher cipher = new TokenCipher(KEY);

    @Test
    void decryptsWhatItEncrypted() {
        String stored = cipher.encrypt(GITHUB_TOKEN);

        assertFalse(stored.contains(GITHUB_TOKEN));
        assertEquals(new StoredToken(GITHUB_TOKEN, false), cipher.decrypt(stored));
    }

    @Test
    void encryptingTheSameTokenTwiceGivesDifferentCiphertexts() {
        assertNotEquals(cipher.encrypt(GITHUB_TOKEN), cipher.encrypt(GITHUB_TOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2013-06-01T12:00:00Z", "2019-03-01T00:00:00Z"})
    void decryptsTokensStoredYearsAgo(String storedAt) {
        String stored = FernetTokens.build(KEY, Instant.parse(storedAt), IV, GITHUB_TOKEN);

        assertEquals(GITHUB_TOKEN, cipher.decrypt(stored).value());
    }

    @Test
    void decryptsTokensFromAServerWhoseClockRanAhead() {
        String stored = FernetTokens.build(KEY, Instant.now().plus(Duration.ofDays(1)), IV, GITHUB_TOKEN);

        assertEquals(GITHUB_TOKEN, cipher.decrypt(stored).value());
    }

    @Test
    void aTokenEncryptedUnderAnotherKeyIsUnreadable() {
        String stored = new TokenCipher(KeyDerivation.fernetKey("some-other-secret-key-of-32-characters"))
                .encrypt(GITHUB_TOKEN);

        UnreadableTokenException e = assertThrows(UnreadableTokenException.class, () -> cipher.decrypt(stored));
        assertEquals(EXPIRED_MESSAGE, e.getMessage());
    }

    @Test
    void aTamperedTokenIsUnreadable() {
        byte[] bytes = Base64.getUrlDecoder().decode(cipher.encrypt(GITHUB_TOKEN));
        bytes[30] ^= 1;
        String tampered = Base64.getUrlEncoder().encodeToString(bytes);

        UnreadableTokenException e = assertThrows(UnreadableTokenException.class, () -> cipher.decrypt(tampered));
        assertEquals(EXPIRED_MESSAGE, e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "not a token", "gAAAAAB", "%%%%", "gAAAAABceHYAMUxGy2OopdrrKYtVSCyquQBJU0iL17EZz"})
    void garbageIsUnreadable(String stored) {
        UnreadableTokenException e = assertThrows(UnreadableTokenException.class, () -> cipher.decrypt(stored));
        assertEquals(EXPIRED_MESSAGE, e.getMessage());
    }

    @Test
    void theErrorNeverContainsTheStoredValue() {
        String stored = cipher.encrypt(GITHUB_TOKEN);
        String tampered = stored.substring(0, stored.length() - 8) + "AAAAAAA=";

        UnreadableTokenException e = assertThrows(UnreadableTokenException.class, () -> cipher.decrypt(tampered));
        assertFalse(e.getMessage().contains(tampered));
        assertEquals(null, e.getCause());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghp_", "gho_", "ghs_", "ghu_", "github_pat_"})
    void returnsLegacyPlaintextTokensAsTheyAre(String prefix) {
        String legacy = prefix + "16C7e42F292c6912E7710c838347Ae178B4a";

        assertEquals(new StoredToken(legacy, true), cipher.decrypt(legacy));
    }

    @Test
    void warnsAboutLegacyPlaintextWithoutNamingTheToken() {
        try (LogRecords logs = LogRecords.of(TokenCipher.class)) {
            cipher.decrypt(GITHUB_TOKEN);

            assertEquals(List.of("A GitHub token is stored unencrypted; it will be encrypted at the user's next sign-in"),
                    logs.messages());
        }
    }

    @Test
    void legacyPlaintextIsAtMost255Characters() {
        String longest = "github_pat_" + "a".repeat(244);

        assertTrue(cipher.decrypt(longest).legacyPlaintext());
        assertThrows(UnreadableTokenException.class, () -> cipher.decrypt(longest + "a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghx_16C7e42F292c6912E7710c838347Ae178B4a", "gho_ 16C7e42F292c6912E7710c838347Ae178B4a",
        "gho_16C7e42F292c6912E7710c838347Ae178B4a ", "GHO_16C7e42F292c6912E7710c838347Ae178B4a",
        "gho_16C7e42F-292c6912E7710c838347Ae178B4a", "xgho_16C7e42F292c6912E7710c838347Ae178B4a", "gho_",
        "gho_16C7e42F292c6912E7710c838347Ae178B4a\n"})
    void lookalikesAreNotTreatedAsLegacyPlaintext(String lookalike) {
        assertThrows(UnreadableTokenException.class, () -> cipher.decrypt(lookalike));
    }

    @Test
    void storedTokensDoNotPrintTheirValue() {
        assertFalse(new StoredToken(GITHUB_TOKEN, true).toString().contains(GITHUB_TOKEN));
    }
}
