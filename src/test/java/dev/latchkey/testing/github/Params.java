package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.http.Request;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads request parameters the way GitHub does: from the query string and from a form or JSON body. */
final class Params {

    private Params() {
    }

    static String path(Request request) {
        String url = request.getUrl();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    static Map<String, String> query(Request request) {
        String url = request.getUrl();
        int query = url.indexOf('?');
        return query < 0 ? Map.of() : decode(url.substring(query + 1));
    }

    /** Query and body together, the body winning: octokit posts JSON to the token endpoint, most others a form. */
    static Map<String, String> queryAndBody(Request request) {
        Map<String, String> all = new HashMap<>(query(request));
        String contentType = String.valueOf(request.getHeader("Content-Type"));
        String body = request.getBodyAsString();
        if (contentType.contains("json")) {
            all.putAll(jsonStrings(body));
        } else if (body != null && !body.isBlank()) {
            all.putAll(decode(body));
        }
        return all;
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> values = new HashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static Map<String, String> jsonStrings(String body) {
        Map<String, String> values = new HashMap<>();
        try {
            JsonObject object = Json.createReader(new StringReader(body)).readObject();
            object.forEach((name, value) -> {
                if (value instanceof JsonString string) {
                    values.put(name, string.getString());
                }
            });
        } catch (JsonParsingException | ClassCastException e) {
            // GitHub ignores a body it cannot read and then finds the parameters missing.
        }
        return values;
    }
}
