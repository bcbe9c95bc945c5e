package dev.latchkey.auth.password;

import dev.latchkey.web.ApiException;
import dev.latchkey.web.RequestBodies;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the small JSON bodies of the password endpoints, answering a wrong one with what to send instead.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as {@code type}; 415 without a Content-Type, 413 over 8 KiB, 400 naming {@code expected} otherwise. */
    public static <T> T read(MediaType contentType, InputStream body, Class<T> type, String expected) {
        // JAX-RS lets a request without Content-Type through @Consumes, and a cross-site page can post a typeless
        // body without a preflight: refusing it keeps these endpoints JSON-only (login CSRF).
        if (contentType == null) {
            throw unsupported();
        }
        return parse(RequestBodies.json(body, () -> notExpected(expected)), type, expected);
    }

    /**
     * As {@link #read}, for a body that may be left out: {@code null} when there is none. Its resource method has no
     * {@code @Consumes}, so the type is checked here: 415 for any Content-Type but JSON, with or without a body.
     */
    public static <T> T readOptional(MediaType contentType, InputStream body, Class<T> type, String expected) {
        // RESTEasy (WildFly, Open Liberty) takes a request without Content-Type for application/octet-stream when
        // the method has an entity parameter: @Consumes(JSON) answered 415 to a DELETE without a body (Jersey not).
        if (contentType != null && !isJson(contentType)) {
            throw unsupported();
        }
        byte[] bytes = RequestBodies.json(body, () -> notExpected(expected));
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        if (contentType == null) {
            throw unsupported();
        }
        return parse(bytes, type, expected);
    }

    private static <T> T parse(byte[] bytes, Class<T> type, String expected) {
        T value;
        try {
            value = Reader.JSONB.fromJson(new String(bytes, StandardCharsets.UTF_8), type);
        } catch (JsonbException | JsonException | ClassCastException notThisShape) {
            throw notExpected(expected);
        }
        if (value == null) {
            throw notExpected(expected);
        }
        return value;
    }

    private static boolean isJson(MediaType contentType) {
        return "application".equalsIgnoreCase(contentType.getType())
                && "json".equalsIgnoreCase(contentType.getSubtype());
    }

    private static ApiException unsupported() {
        return new ApiException(415, "Unsupported content type: send application/json.");
    }

    private static ApiException notExpected(String expected) {
        return new ApiException(400, "The request body must be a JSON object: " + expected);
    }

    // Built on first read, so the records stay usable without a JSON-B implementation (unit tests).
    private static final class Reader {
        static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));
    }
}
