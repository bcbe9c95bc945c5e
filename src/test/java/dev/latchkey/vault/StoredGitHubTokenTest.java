package dev.latchkey.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.crypto.KeyDerivation;
import dev.latchkey.crypto.TokenCipher;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import dev.latchkey.github.GitHubGrant;

class StoredGitHubTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final TokenCipher cipher = new TokenCipher(KeyDerivation.fernetKey("unit-test-secret-key-0123456789"));

    @Test
    void aTokenIsRefreshedFromFiveMinutesBeforeItExpires() {
        Instant expiry = NOW.plus(Duration.ofMinutes(5)).plusSeconds(1);
        StoredGitHubToken stored = granted(expiry.minus(Duration.ofHours(8)), expiry);
        assertFalse(stored.needsRefreshAt(NOW));

        assertTrue(stored.needsRefreshAt(NOW.plusSeconds(1)));
        assertTrue(stored.needsRefreshAt(NOW.plus(Duration.ofHours(1))), "and after it expired");
    }

    @Test
    void aTokenGrantedForLessThanTenMinutesIsRefreshedInTheLastHalfOfItsLife() {
        StoredGitHubToken stored = granted(NOW, NOW.plus(Duration.ofMinutes(2)));
        assertFalse(stored.needsRefreshAt(NOW), "a fresh token is used as it is");
        assertFalse(stored.needsRefreshAt(NOW.plusSeconds(59)));

        assertTrue(stored.needsRefreshAt(NOW.plusSeconds(60)));
        assertTrue(stored.needsRefreshAt(NOW.plus(Duration.ofMinutes(3))), "and after it expired");
    }

    @Test
    void aTokenGrantedAlreadyExpiredIsRefreshed() {
        assertTrue(granted(NOW, NOW).needsRefreshAt(NOW));
        assertTrue(granted(NOW, NOW.minusSeconds(1)).needsRefreshAt(NOW));
    }

    @Test
    void aTokenThatNeverExpiresIsNeverRefreshed() {
        StoredGitHubToken stored = new StoredGitHubToken(1L);
        stored.replaceToken(GitHubGrant.nonExpiring("gho_abc"), cipher, NOW);

        assertFalse(stored.needsRefreshAt(NOW.plus(Duration.ofDays(10_000))));
        assertFalse(stored.expiredAt(NOW.plus(Duration.ofDays(10_000))));
        assertFalse(stored.refreshableAt(NOW));
        assertNull(stored.refreshToken());
    }

    @Test
    void aRefreshTokenServesUntilItsOwnExpiry() {
        StoredGitHubToken stored = new StoredGitHubToken(1L);
        stored.replaceToken(new GitHubGrant("ghu_a", NOW, "ghr_b", NOW.plus(Duration.ofDays(183))), cipher, NOW);

        assertTrue(stored.expiredAt(NOW));
        assertTrue(stored.refreshableAt(NOW.plus(Duration.ofDays(182))));
        assertFalse(stored.refreshableAt(NOW.plus(Duration.ofDays(183))));
    }

    @Test
    void bothTokensAreStoredEncrypted() {
        StoredGitHubToken stored = new StoredGitHubToken(1L);
        stored.replaceToken(new GitHubGrant("ghu_a", NOW, "ghr_b", NOW), cipher, NOW);

        assertTrue(stored.accessToken().startsWith("gAAAAA"), "a Fernet token");
        assertEquals("ghu_a", cipher.decrypt(stored.accessToken()).value());
        assertEquals("ghr_b", cipher.decrypt(stored.refreshToken()).value());
    }

    private StoredGitHubToken granted(Instant at, Instant expiresAt) {
        StoredGitHubToken stored = new StoredGitHubToken(1L);
        stored.replaceToken(new GitHubGrant("ghu_a", expiresAt, "ghr_b", expiresAt.plus(Duration.ofDays(180))),
                cipher, at);
        return stored;
    }
}
