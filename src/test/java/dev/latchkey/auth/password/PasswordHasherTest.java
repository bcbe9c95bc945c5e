package dev.latchkey.auth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.junit.jupiter.api.Test;

/**
 * Bcrypt as Latchkey uses it: the configured cost, every one of 72 bytes significant, weaker hashes recognised.
 */
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(5, 2);

    @Test
    void hashesWithTheConfiguredCostAndASaltOfTheirOwn() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");

        assertTrue(first.startsWith("$2b$05$"), first);
        assertNotEquals(first, second);
        assertTrue(hasher.verify("correct horse battery", first));
        assertFalse(hasher.verify("correct horse batterY", first));
    }

    @Test
    void theSeventySecondByteCountsAndLongerPasswordsMatchNothing() {
        String seventyTwo = "é".repeat(35) + "ab";
        assertEquals(72, seventyTwo.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        String hash = hasher.hash(seventyTwo);

        assertTrue(hasher.verify(seventyTwo, hash));
        assertFalse(hasher.verify("é".repeat(35) + "ac", hash), "no truncation before the 72nd byte");
        assertFalse(hasher.verify(seventyTwo + "c", hash), "a 73-byte password is not cut to match");
    }

    @Test
    void aHashOfALowerCostNeedsRehashingAndOneOfTheSameOrHigherDoesNot() {
        assertTrue(hasher.needsRehash(BCrypt.withDefaults().hashToString(4, "password1".toCharArray())));
        assertFalse(hasher.needsRehash(hasher.hash("password1")));
        assertFalse(hasher.needsRehash(BCrypt.withDefaults().hashToString(6, "password1".toCharArray())));
        assertTrue(hasher.needsRehash("not a bcrypt hash"));
    }

    @Test
    void aCostOutsideBcryptsRangeIsRefused() {
        assertThrows(IllegalStateException.class, () -> new PasswordHasher(3, 1));
        assertThrows(IllegalStateException.class, () -> new PasswordHasher(32, 1));
    }

    @Test
    void hashingThreadsOutsideOneToSixtyFourFailTheDeploymentWithTheKeyInTheMessage() {
        for (int threads : new int[] {0, 65}) {
            PasswordHasher configured = new PasswordHasher();
            configured.cost = 5;
            configured.configuredConcurrency = java.util.Optional.of(threads);

            IllegalStateException refused = assertThrows(IllegalStateException.class, configured::init);
            assertEquals("PASSWORD_HASHING_THREADS must be between 1 and 64, not " + threads, refused.getMessage());
        }
        PasswordHasher three = new PasswordHasher();
        three.cost = 5;
        three.configuredConcurrency = java.util.Optional.of(3);
        three.init();
        assertEquals(3, three.concurrency());
    }
}
