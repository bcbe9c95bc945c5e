package dev.latchkey.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins every derivation to values computed independently in Python, since changing one signs everybody out. */
class KeyDerivationTest {

    // python3: hmac.new(secret.encode(), b"latchkey/session-jwt-signing/v1", hashlib.sha256) and
    // base64.urlsafe_b64encode(hashlib.sha256(b"latchkey/kid/v1" + signing_key).digest()).decode().rstrip("=")[:12]
    @ParameterizedTest
    @CsvSource({
        "a-python-era-secret-key-of-at-least-32-chars, "
                + "6b02a28a113664d2a5d8e1a8515716618c7b8fab1226a47a09e5d530735eac64, eM8fQrabHjmN",
        "another-secret-key-that-is-32-chars-or-more, "
                + "f488fa7ccaeb592166d865a4f0a3397b87f0a59bb697c2a70b97503867ecc778, HXrtQtAWrXuJ"
    })
    void derivesTheSigningKeyAndKeyIdPythonComputes(String secret, String signingKeyHex, String keyId) {
        byte[] signingKey = KeyDerivation.signingKey(secret);

        assertArrayEquals(HexFormat.of().parseHex(signingKeyHex), signingKey);
        assertEquals(keyId, KeyDerivation.keyId(signingKey));
    }

    @ParameterizedTest
    @CsvSource({
        "a-python-era-secret-key-of-at-least-32-chars, JDhiOO_ml5QdX4AnIsUV10apYeWSQHZfFIFaRUZhxSo=",
        "clé secrète ünïcödé 🔑 — also at least 32 characters, yVqm_K8nS5yMRJcAoMvfloTP7wL9DdWH_ksq7l_G00E="
    })
    void derivesTheFernetKeyPythonComputes(String secret, String fernetKey) {
        assertEquals(fernetKey, KeyDerivation.fernetKey(secret));
    }
}
