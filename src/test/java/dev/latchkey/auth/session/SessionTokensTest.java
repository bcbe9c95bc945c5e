package dev.latchkey.auth.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.crypto.SecretKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final SessionTokens tokens = tokens();

    @Test
    void aTokenVerifiesOnlyInTheSpellingItWasIssuedIn() throws Exception {
        String token = tokens.issue(7, "session-1", NOW.plusSeconds(600));
        assertEquals(7, tokens.verify(token, NOW).orElseThrow().userId());

        String signature = token.substring(token.lastIndexOf('.') + 1);
        String signed = token.substring(0, token.lastIndexOf('.') + 1);
        List<String> respellings = List.of(
                token + "!",
                token + "=",
                signed + signature.substring(0, 20) + "~" + signature.substring(20),
                signed + signature.substring(0, 20) + " " + signature.substring(20),
                signed + signature.substring(0, 42) + unusedBitsSet(signature.charAt(42)),
                token.replaceFirst("\\.", ".."));
        for (String respelled : respellings) {
            assertTrue(tokens.verify(respelled, NOW).isEmpty(), respelled);
        }
        // What this guards against: the JWT library alone accepts such spellings as the same token.
        String lenient = signed + signature.substring(0, 42) + unusedBitsSet(signature.charAt(42));
        assertTrue(SignedJWT.parse(lenient).verify(new MACVerifier(KEY)));
        assertTrue(SignedJWT.parse(token + "!").verify(new MACVerifier(KEY)));
    }

    @Test
    void malformedTokensAreRefusedWithoutAnError() {
        for (String malformed : new String[] {"", ".", "..", "a.b", "a.b.c", "a..c", ".b.c", "a.b.c.d", "not a token",
                "x".repeat(5000)}) {
            assertTrue(tokens.verify(malformed, NOW).isEmpty(), malformed);
        }
        assertTrue(tokens.verify(null, NOW).isEmpty());
    }

    /** Another character with the same first four bits: it decodes to the same signature bytes. */
    private static char unusedBitsSet(char last) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return alphabet.charAt(alphabet.indexOf(last) | 0b01);
    }

    private static SessionTokens tokens() {
        SessionTokens tokens = new SessionTokens();
        tokens.keys = new SecretKeys() {
            @Override
            public byte[] signingKey() {
                return KEY.clone();
            }

            @Override
            public String keyId() {
                return "k1";
            }

            @Override
            public Optional<byte[]> signingKeyFor(String kid) {
                return "k1".equals(kid) ? Optional.of(KEY.clone()) : Optional.empty();
            }

            @Override
            public Set<String> signingKeyIds() {
                return Set.of("k1");
            }
        };
        tokens.issuer = "http://localhost:8080";
        tokens.init();
        return tokens;
    }
}
