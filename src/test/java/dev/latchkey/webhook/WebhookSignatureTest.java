package dev.latchkey.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.web.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // GitHub's published test vector (docs: "Validating webhook deliveries").
    private static final String SECRET = "It's a Secret to Everybody";
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void githubsPublishedVectorIsAccepted() {
        assertEquals(SIGNATURE, WebhookSignature.expected(SECRET, BODY));
        assertTrue(WebhookSignature.valid(SECRET, BODY, SIGNATURE));
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        assertFalse(WebhookSignature.valid(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8), SIGNATURE));
    }

    @Test
    void anotherSecretIsRefused() {
        assertFalse(WebhookSignature.valid("It's a Secret to Nobody", BODY, SIGNATURE));
    }

    @Test
    void onlyGitHubsExactFormIsAccepted() {
        assertFalse(WebhookSignature.valid(SECRET, BODY, null));
        assertFalse(WebhookSignature.valid(SECRET, BODY, ""));
        assertFalse(WebhookSignature.valid(SECRET, BODY, "sha256=" + SIGNATURE.substring(7).toUpperCase(Locale.ROOT)));
        assertFalse(WebhookSignature.valid(SECRET, BODY, "SHA256=" + SIGNATURE.substring(7)));
        assertFalse(WebhookSignature.valid(SECRET, BODY, SIGNATURE.substring(7)));
        assertFalse(WebhookSignature.valid(SECRET, BODY, " " + SIGNATURE));
        assertFalse(WebhookSignature.valid(SECRET, BODY, SIGNATURE.substring(0, SIGNATURE.length() - 1)));
        assertFalse(WebhookSignature.valid(SECRET, BODY, "sha1=" + SIGNATURE.substring(7)));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        String declared = Long.toString(WebhookBody.MAX_BYTES + 1L);
        ApiException refused = assertThrows(ApiException.class, () -> WebhookBody.read(
                new ByteArrayInputStream(new byte[0]), declared, WebhookBody.MAX_BYTES));
        assertEquals(413, refused.status());
    }

    @Test
    void anUndeclaredBodyIsCountedWhileRead() {
        ApiException refused = assertThrows(ApiException.class, () ->
                WebhookBody.read(new ByteArrayInputStream(new byte[1025]), null, 1024));
        assertEquals(413, refused.status());
        assertEquals(1024, WebhookBody.read(new ByteArrayInputStream(new byte[1024]), "1024", 1024).length);
    }
}
