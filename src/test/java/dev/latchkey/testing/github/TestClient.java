package dev.latchkey.testing.github;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** What the tests use to talk to the fake over real HTTP, as a browser (no redirects followed) or as Latchkey. */
final class TestClient {

    static final String CLIENT_ID = "Iv1.latchkey0000001";
    static final String CLIENT_SECRET = "s3cret-latchkey-client-secret-0123456789";
    static final String CALLBACK = "http://127.0.0.1:8080/auth/github/callback";

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        return send(request(url, headers).GET());
    }

    HttpResponse<String> send(String method, String url, String body, String... headers)
            throws IOException, InterruptedException {
        return send(request(url, headers).method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The browser leg: follows nothing, returns the query GitHub redirected back with. */
    Map<String, String> authorize(FakeGitHub github, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = get(github.webUrl() + "/login/oauth/authorize?" + query);
        if (response.statusCode() != 302) {
            throw new AssertionError("Expected a redirect, got " + response.statusCode() + ": " + response.body());
        }
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return Params.decode(location.getRawQuery());
    }

    /** The usual authorize request of Latchkey's client, with scopes "read:user user:email" and no PKCE. */
    String code(FakeGitHub github) throws IOException, InterruptedException {
        return authorize(github, Replies.formEncode(Map.of("client_id", CLIENT_ID, "redirect_uri", CALLBACK,
                "scope", "read:user user:email", "state", "st4te"))).get("code");
    }

    HttpResponse<String> exchange(FakeGitHub github, Map<String, String> form, String accept)
            throws IOException, InterruptedException {
        return send("POST", github.webUrl() + "/login/oauth/access_token", Replies.formEncode(form),
                "Content-Type", "application/x-www-form-urlencoded", "Accept", accept);
    }

    static Map<String, String> exchangeForm(String code) {
        return Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "code", code,
                "redirect_uri", CALLBACK);
    }

    HttpResponse<String> api(FakeGitHub github, String path, String token) throws IOException, InterruptedException {
        return get(github.apiUrl() + path, "Authorization", "Bearer " + token,
                "Accept", "application/vnd.github+json", "User-Agent", "Latchkey-Test");
    }

    static JsonObject object(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static JsonArray array(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readArray();
    }

    private static HttpRequest.Builder request(String url, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        return headers.length == 0 ? builder : builder.headers(headers);
    }
}
