package dev.latchkey.webhook;

import dev.latchkey.web.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The JSON payload of a signed delivery: the body itself, or its {@code payload} field when GitHub sends a form.
 */
final class WebhookPayload {

    static final String NOT_AN_OBJECT = "The webhook payload must be a JSON object";
    private static final String FORM = "application/x-www-form-urlencoded";

    private WebhookPayload() {
    }

    static JsonObject parse(String body, String contentType) {
        String text = body;
        if (contentType != null && contentType.startsWith(FORM)) {
            text = text.startsWith("payload=") ? decode(text.substring(8)) : "";
        }
        try {
            return Json.createReader(new StringReader(text)).readObject();
        } catch (JsonException | IllegalStateException | ClassCastException notAnObject) {
            throw new ApiException(400, NOT_AN_OBJECT);
        }
    }

    private static String decode(String form) {
        try {
            return URLDecoder.decode(form, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new ApiException(400, NOT_AN_OBJECT);
        }
    }
}
