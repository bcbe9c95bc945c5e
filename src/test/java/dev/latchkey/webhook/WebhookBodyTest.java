package dev.latchkey.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.web.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {

    private static final String SECRET = "It's a Secret to Everybody";
    private static final String SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void aKeptBodyIsSignedAsItArrivesAndReadAfterwards() {
        WebhookBody body = new WebhookBody(SECRET, true, 13);
        append(body, "Hello, ");
        append(body, "World!");

        assertEquals(13, body.received());
        assertTrue(body.signedBy(SIGNATURE));
        assertEquals("Hello, World!", body.text());
    }

    @Test
    void aBodyNotKeptIsOnlySigned() {
        WebhookBody body = new WebhookBody(SECRET, false, -1);
        append(body, "Hello, World!");

        assertTrue(body.signedBy(SIGNATURE));
        assertEquals("", body.text());
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedBeforeReading() {
        assertDoesNotThrow(() -> WebhookBody.checkDeclared(WebhookBody.MAX_BYTES, false));
        assertEquals(413, assertThrows(ApiException.class,
                () -> WebhookBody.checkDeclared(WebhookBody.MAX_BYTES + 1, false)).status());
        assertDoesNotThrow(() -> WebhookBody.checkDeclared(WebhookBody.MAX_KEPT_BYTES, true));
        assertEquals(413, assertThrows(ApiException.class,
                () -> WebhookBody.checkDeclared(WebhookBody.MAX_KEPT_BYTES + 1, true)).status());
    }

    @Test
    void aStreamedBodyIsCountedWhileItArrives() {
        byte[] piece = new byte[64 * 1024];
        WebhookBody kept = new WebhookBody(SECRET, true, -1);
        for (long sent = 0; sent < WebhookBody.MAX_KEPT_BYTES; sent += piece.length) {
            kept.append(piece, piece.length);
        }
        ApiException refused = assertThrows(ApiException.class, () -> kept.append(piece, 1));
        assertEquals(413, refused.status());
        assertEquals("The request body is too large.", refused.detail());

        WebhookBody signedOnly = new WebhookBody(SECRET, false, -1);
        for (long sent = 0; sent < WebhookBody.MAX_BYTES; sent += piece.length) {
            signedOnly.append(piece, piece.length);
        }
        assertEquals(413, assertThrows(ApiException.class, () -> signedOnly.append(piece, 1)).status());
        assertFalse(signedOnly.signedBy(SIGNATURE));
    }

    private static void append(WebhookBody body, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        body.append(bytes, bytes.length);
    }
}
