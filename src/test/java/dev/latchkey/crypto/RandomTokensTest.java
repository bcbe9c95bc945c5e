package dev.latchkey.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks that random tokens fit in URLs and cookies unescaped and do not repeat. */
class RandomTokensTest {

    @Test
    void thirtyTwoBytesAreFortyThreeUrlSafeCharacters() {
        String token = RandomTokens.urlSafe(32);

        assertEquals(43, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(RandomTokens.urlSafe(32));
        }

        assertEquals(1000, tokens.size());
    }

    @Test
    void refusesToMakeAnEmptyToken() {
        assertThrows(IllegalArgumentException.class, () -> RandomTokens.urlSafe(0));
    }
}
