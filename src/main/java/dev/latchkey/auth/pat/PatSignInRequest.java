package dev.latchkey.auth.pat;

import dev.latchkey.web.RequestBodies;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The body of a personal-access-token sign-in, {@code {"token":"..."}} or {@code {"pat":"..."}}; public because
 * JSON-B builds it by reflection.
 */
public record PatSignInRequest(String token, String pat) {

    /**
     * Reads the body here rather than through the JAX-RS entity provider, so a body that is not JSON, or JSON of
     * another shape, gets a detail that says what to send instead of the runtime's generic answer.
     */
    static PatSignInRequest read(MediaType contentType, InputStream body) {
        // JAX-RS lets a request without Content-Type through @Consumes, and browsers send one cross-site without
        // a preflight (a typeless Blob), so the JSON-only defence against login CSRF has to be completed here.
        if (contentType == null) {
            throw PatSignInFailure.notJsonContentType();
        }
        byte[] bytes = RequestBodies.json(body, PatSignInFailure::notJson);
        PatSignInRequest request;
        try {
            request = Reader.JSONB.fromJson(new String(bytes, StandardCharsets.UTF_8), PatSignInRequest.class);
        } catch (JsonbException | JsonException notThisShape) {
            throw PatSignInFailure.notJson();
        }
        if (request == null) {
            throw PatSignInFailure.notJson();
        }
        return request;
    }

    /** The token sent under either name ({@code token} first); fails when neither is there. */
    String presentedToken() {
        String presented = token != null ? token : pat;
        if (presented == null || presented.isEmpty()) {
            throw PatSignInFailure.missingToken();
        }
        return presented;
    }

    // The generated toString would print the token into any log line that mentions this record.
    @Override
    public String toString() {
        return "PatSignInRequest[token=<redacted>]";
    }

    // Built on first read, so the record itself stays usable (and testable) without a JSON-B implementation.
    private static final class Reader {
        static final Jsonb JSONB = JsonbBuilder.create();
    }
}
