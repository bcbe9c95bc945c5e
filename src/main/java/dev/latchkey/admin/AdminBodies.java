package dev.latchkey.admin;

import dev.latchkey.web.ApiException;
import dev.latchkey.web.RequestBodies;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the small JSON bodies of the admin API; an empty body is an empty object.
 */
final class AdminBodies {

    private AdminBodies() {
    }

    static JsonObject read(MediaType contentType, InputStream body, String expected) {
        byte[] bytes = RequestBodies.json(body, () -> notExpected(expected));
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (contentType == null || !contentType.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new ApiException(415, "Unsupported content type: send application/json.");
        }
        try {
            return Json.createReader(new ByteArrayInputStream(bytes)).readObject();
        } catch (JsonException | IllegalStateException | ClassCastException notAnObject) {
            throw notExpected(expected);
        }
    }

    /** A string member, trimmed; empty when absent, null or blank; 400 when it is not a string. */
    static Optional<String> text(JsonObject body, String name, String expected) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString string)) {
            throw notExpected(expected);
        }
        return Optional.of(string.getString().trim()).filter(text -> !text.isEmpty());
    }

    static Optional<Instant> instant(JsonObject body, String name, String expected) {
        return text(body, name, expected).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new ApiException(400, name + " must be an ISO 8601 time such as 2030-01-31T00:00:00Z");
            }
        });
    }

    private static ApiException notExpected(String expected) {
        return new ApiException(400, "The request body must be a JSON object: " + expected);
    }
}
