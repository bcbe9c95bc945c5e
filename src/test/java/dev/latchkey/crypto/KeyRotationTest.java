package dev.latchkey.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyRotationTest {

    private static final String OLD = "the-old-secret-key-of-at-least-32-characters";
    private static final String NEW = "the-new-secret-key-of-at-least-32-characters";

    @Test
    void previousSigningKeysAreFoundByTheirKeyId() {
        SecretKeys keys = new SecretKeys(Optional.of(NEW), "production", Optional.of(" " + OLD + " ,"));
        byte[] old = KeyDerivation.signingKey(OLD);

        assertArrayEquals(old, keys.signingKeyFor(KeyDerivation.keyId(old)).orElseThrow());
        assertArrayEquals(keys.signingKey(), keys.signingKeyFor(keys.keyId()).orElseThrow());
        assertEquals(2, keys.signingKeyIds().size());
        assertTrue(keys.signingKeyFor("unknown").isEmpty());
    }

    @Test
    void aTokenUnderAPreviousKeyIsReadAndFlaggedForReEncryption() {
        String underOld = new TokenCipher(KeyDerivation.fernetKey(OLD)).encrypt("gho_rotated");
        TokenCipher rotated = new TokenCipher(KeyDerivation.fernetKey(NEW), List.of(KeyDerivation.fernetKey(OLD)));

        StoredToken read = rotated.decrypt(underOld);
        assertEquals("gho_rotated", read.value());
        assertTrue(read.needsReEncryption());
        assertFalse(rotated.decrypt(rotated.encrypt("gho_fresh")).needsReEncryption());
    }

    @Test
    void removingTheOldKeyEndsWhatItCovered() {
        String underOld = new TokenCipher(KeyDerivation.fernetKey(OLD)).encrypt("gho_rotated");
        TokenCipher withoutOld = new TokenCipher(KeyDerivation.fernetKey(NEW));

        assertThrows(UnreadableTokenException.class, () -> withoutOld.decrypt(underOld));
    }
}
