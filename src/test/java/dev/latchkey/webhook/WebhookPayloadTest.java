package dev.latchkey.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.web.ApiException;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {

    @Test
    void aJsonBodyOrAFormsPayloadFieldIsTheObject() {
        assertEquals("revoked", WebhookPayload.parse("{\"action\":\"revoked\"}", "application/json")
                .getString("action"));
        assertEquals("revoked", WebhookPayload.parse("payload=%7B%22action%22%3A%22revoked%22%7D",
                "application/x-www-form-urlencoded").getString("action"));
    }

    @Test
    void anythingButAJsonObjectIsA400() {
        for (String[] body : new String[][] {{"[1]", "application/json"}, {"not json", "application/json"},
                {"", "application/json"}, {"{\"a\":1}", "application/x-www-form-urlencoded"},
                {"payload=%zz", "application/x-www-form-urlencoded"}}) {
            ApiException refused = assertThrows(ApiException.class, () -> WebhookPayload.parse(body[0], body[1]));
            assertEquals(400, refused.status());
            assertEquals("The webhook payload must be a JSON object", refused.detail());
        }
    }
}
