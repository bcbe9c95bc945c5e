package dev.latchkey.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // GitHub's published test vector (docs: "Validating webhook deliveries").
    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void githubsPublishedVectorIsAcceptedWhicheverPiecesTheBodyArrivesIn() {
        for (int piece = 1; piece <= BODY.length; piece++) {
            WebhookSignature signature = new WebhookSignature(SECRET);
            for (int offset = 0; offset < BODY.length; offset += piece) {
                signature.update(BODY, offset, Math.min(piece, BODY.length - offset));
            }
            assertEquals(SIGNATURE, signature.value(), "pieces of " + piece);
            assertTrue(signature.matches(SIGNATURE), "pieces of " + piece);
        }
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        assertFalse(signed(SECRET, "Hello, World?").matches(SIGNATURE));
        assertFalse(signed(SECRET, "Hello, World!!").matches(SIGNATURE));
        assertFalse(signed(SECRET, "").matches(SIGNATURE));
    }

    @Test
    void anotherSecretIsRefused() {
        assertFalse(signed("It's a Secret to Nobody", "Hello, World!").matches(SIGNATURE));
    }

    @Test
    void onlyGitHubsExactFormIsWellFormed() {
        assertTrue(WebhookSignature.wellFormed(SIGNATURE));
        for (String header : new String[] {null, "", "sha256=", "sha256=00", SIGNATURE.substring(7),
                "sha256=" + SIGNATURE.substring(7).toUpperCase(Locale.ROOT), "SHA256=" + SIGNATURE.substring(7),
                " " + SIGNATURE, SIGNATURE + " ", SIGNATURE + "0", SIGNATURE.substring(0, SIGNATURE.length() - 1),
                "sha1=" + SIGNATURE.substring(7), SIGNATURE.replace('a', 'g'), SIGNATURE + "\n"}) {
            assertFalse(WebhookSignature.wellFormed(header), String.valueOf(header));
            assertFalse(signed(SECRET, "Hello, World!").matches(header), String.valueOf(header));
        }
    }

    @Test
    void nothingIsAddedOnceTheSignatureIsComputed() {
        WebhookSignature signature = signed(SECRET, "Hello, World!");
        assertTrue(signature.matches(SIGNATURE));
        assertThrows(IllegalStateException.class, () -> signature.update(BODY, 0, 1));
        assertTrue(signature.matches(SIGNATURE), "asking twice gives the same answer");
    }

    private static WebhookSignature signed(String secret, String body) {
        WebhookSignature signature = new WebhookSignature(secret);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        signature.update(bytes, 0, bytes.length);
        return signature;
    }
}
