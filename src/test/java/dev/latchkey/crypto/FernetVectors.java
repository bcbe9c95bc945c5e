package dev.latchkey.crypto;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reads the Fernet spec's test vectors, verbatim copies of github.com/fernet/spec master in src/test/resources/fernet.
 */
final class FernetVectors {

    private FernetVectors() {
    }

    static List<JsonObject> load(String name) {
        try (InputStream in = FernetVectors.class.getResourceAsStream("/fernet/" + name);
                JsonReader reader = Json.createReader(in)) {
            return reader.readArray().getValuesAs(JsonObject.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant now(JsonObject vector) {
        return OffsetDateTime.parse(vector.getString("now")).toInstant();
    }

    static byte[] iv(JsonObject vector) {
        JsonArray values = vector.getJsonArray("iv");
        byte[] iv = new byte[values.size()];
        for (int i = 0; i < iv.length; i++) {
            iv[i] = (byte) values.getInt(i);
        }
        return iv;
    }
}
