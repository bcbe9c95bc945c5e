package dev.latchkey.testing.github;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonStructure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds answers shaped like GitHub's: its HTML pages, its OAuth redirects and its REST JSON with its headers. */
final class Replies {

    static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    static final String REST_DOCS = "https://docs.github.com/rest";

    private Replies() {
    }

    static ResponseDefinitionBuilder html(int status, String title, String text) {
        return responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                        + "</title></head><body><main><h1>" + title + "</h1><p>" + text
                        + "</p></main></body></html>");
    }

    static ResponseDefinitionBuilder redirect(String location) {
        return responseDefinition()
                .withStatus(302)
                .withHeader("Location", location)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<html><body>You are being <a href=\"" + location.replace("&", "&amp;")
                        + "\">redirected</a>.</body></html>");
    }

    /** Appends parameters to a redirect URI that may already carry a query. */
    static String withQuery(String uri, Map<String, String> parameters) {
        return uri + (uri.contains("?") ? "&" : "?") + formEncode(parameters);
    }

    static String formEncode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static ResponseDefinitionBuilder json(int status, JsonStructure body) {
        return responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body.toString());
    }

    /** A REST answer with the headers every api.github.com answer carries. */
    static ResponseDefinitionBuilder api(int status, JsonStructure body) {
        return json(status, body)
                .withHeader("X-GitHub-Media-Type", "github.v3; format=json")
                .withHeader("X-GitHub-Api-Version-Selected", "2022-11-28")
                .withHeader("X-GitHub-Request-Id", UUID.randomUUID().toString().toUpperCase());
    }

    /** GitHub's REST error body; note that it repeats the status as a string. */
    static ResponseDefinitionBuilder apiError(int status, String message, String documentationUrl) {
        return api(status, JSON.createObjectBuilder()
                .add("message", message)
                .add("documentation_url", documentationUrl)
                .add("status", String.valueOf(status))
                .build());
    }

    static ResponseDefinitionBuilder notFound() {
        return apiError(404, "Not Found", REST_DOCS);
    }

    static ResponseDefinitionBuilder badCredentials() {
        return apiError(401, "Bad credentials", REST_DOCS);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
