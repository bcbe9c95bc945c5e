package dev.latchkey.auth.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.web.ApiException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    private static final MediaType JSON = new MediaType("application", "json");

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int refusal(MediaType contentType, String text) {
        return assertThrows(ApiException.class, () -> JsonBodies.readOptional(contentType, body(text), Object.class,
                "{}")).status();
    }

    @Test
    void anOptionalBodyLeftOutIsNullWithOrWithoutAJsonContentType() {
        assertNull(JsonBodies.readOptional(null, body(""), Object.class, "{}"));
        assertNull(JsonBodies.readOptional(JSON, body(" "), Object.class, "{}"));
    }

    @Test
    void anOptionalBodyOfAnotherTypeOrOfNoTypeIsRefusedAs415() {
        assertEquals(415, refusal(new MediaType("text", "plain"), "{\"password\":\"x\"}"));
        assertEquals(415, refusal(new MediaType("text", "plain"), ""), "as @Consumes would, even without a body");
        assertEquals(415, refusal(null, "{\"password\":\"x\"}"));
    }
}
