package dev.latchkey.github;

import dev.latchkey.user.GitHubIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Latchkey's calls to GitHub: code exchange and token refresh, the user's profile and scopes, checking whose a token
 * is, and revocation.
 */
@ApplicationScoped
public class GitHubClient {

    @Inject
    GitHubSettings settings;

    @Inject
    GitHubHttp http;

    @Inject
    GitHubEmails emails;

    /**
     * Exchanges an authorization code (with its PKCE verifier) for a grant: the token and, from a GitHub App, its
     * expiry and refresh token.
     */
    public GitHubGrant exchangeCode(String code, String codeVerifier) {
        Instant asked = Instant.now();
        JsonObject answer = tokenEndpoint(Map.of(
                "client_id", settings.clientId(),
                "client_secret", settings.clientSecret(),
                "code", code,
                "redirect_uri", settings.callbackUrl(),
                "code_verifier", codeVerifier));
        // GitHub reports a bad code, secret or redirect_uri as HTTP 200 with an "error" member.
        if (answer.containsKey("error")) {
            throw new GitHubRefusedException(200, "Code exchange refused: " + answer.getString("error", "?"));
        }
        return GitHubGrant.fromTokenAnswer(answer, asked);
    }

    /** Trades a GitHub App's refresh token for a new grant; GitHub then kills the old token and refresh token. */
    public GitHubGrant refreshGrant(String refreshToken) {
        Instant asked = Instant.now();
        JsonObject answer = tokenEndpoint(Map.of(
                "client_id", settings.clientId(),
                "client_secret", settings.clientSecret(),
                "grant_type", "refresh_token",
                "refresh_token", refreshToken));
        if ("bad_refresh_token".equals(answer.getString("error", null))) {
            throw new RefreshTokenRefusedException();
        }
        if (answer.containsKey("error")) {
            throw new GitHubRefusedException(200, "Token refresh refused: " + answer.getString("error", "?"));
        }
        return GitHubGrant.fromTokenAnswer(answer, asked);
    }

    private JsonObject tokenEndpoint(Map<String, String> fields) {
        HttpRequest request = http.request(settings.webUrl() + "/login/oauth/access_token")
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build();
        return GitHubHttp.object(http.send(request));
    }

    /** The token owner's identity, with the primary verified email when the profile hides it. */
    public GitHubProfile fetchProfile(String token) {
        HttpResponse<String> response = http.send(http.api("/user", token).GET().build());
        JsonObject user = GitHubHttp.object(response);
        String email = text(user, "email");
        if (email == null) {
            email = emails.primaryVerified(token).orElse(null);
        }
        GitHubIdentity identity = new GitHubIdentity(user.getJsonNumber("id").longValueExact(),
                user.getString("login"), text(user, "name"), email, text(user, "avatar_url"));
        return new GitHubProfile(identity, scopes(response));
    }

    /** The scopes GitHub reports the token has. */
    public List<String> fetchScopes(String token) {
        return scopes(http.send(http.api("/user", token).GET().build()));
    }

    /** Revokes every token of this app for the token's owner. */
    public void revokeGrant(String token) {
        deleteAuthorization("grant", token);
    }

    /** Revokes one token of this app (GitHub answers 404 for a token it no longer knows). */
    public void revokeToken(String token) {
        deleteAuthorization("token", token);
    }

    /**
     * GitHub's "check a token": whether the token is live and was issued to this app. False on GitHub's 404, its
     * answer for another app's token, a personal access token (which belongs to no app) and a dead token alike.
     */
    public boolean issuedToThisApp(String token) {
        HttpResponse<String> response;
        try {
            response = http.send(applications("POST", "token", token));
        } catch (GitHubRefusedException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
        // The path already names this app; the answer naming it too guards against a proxy or a GitHub mix-up.
        return GitHubHttp.object(response).get("app") instanceof JsonObject app
                && settings.clientId().equals(app.getString("client_id", null));
    }

    private void deleteAuthorization(String what, String token) {
        http.send(applications("DELETE", what, token));
    }

    private HttpRequest applications(String method, String what, String token) {
        String body = jakarta.json.Json.createObjectBuilder().add("access_token", token).build().toString();
        return http.request(settings.apiUrl() + "/applications/" + settings.clientId() + "/" + what)
                .header("Accept", "application/vnd.github+json")
                .header("Authorization", "Basic " + basicCredentials())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private String basicCredentials() {
        return Base64.getEncoder().encodeToString(
                (settings.clientId() + ":" + settings.clientSecret()).getBytes(StandardCharsets.UTF_8));
    }

    static List<String> scopes(HttpResponse<String> response) {
        String header = response.headers().firstValue("X-OAuth-Scopes").orElse("");
        return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof jakarta.json.JsonString string ? string.getString() : null;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
