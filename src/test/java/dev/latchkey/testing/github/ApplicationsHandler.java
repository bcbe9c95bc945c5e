package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code /applications/{client_id}/grant} and {@code /token}: an app, authenticated with HTTP Basic
 * {@code client_id:client_secret}, deletes a grant, deletes a token or checks a token.
 */
final class ApplicationsHandler {

    private static final String DOCS = "https://docs.github.com/rest/apps/oauth-applications";

    private final GitHubState state;

    ApplicationsHandler(GitHubState state) {
        this.state = state;
    }

    /** {@code path} is relative to the API root, e.g. {@code /applications/Iv1.abc/grant}. */
    ResponseDefinition handle(Request request, String path) {
        String[] parts = path.split("/");
        String method = request.getMethod().getName();
        if (parts.length != 4 || !(parts[3].equals("grant") && method.equals("DELETE")
                || parts[3].equals("token") && (method.equals("DELETE") || method.equals("POST")))) {
            return Replies.notFound().build();
        }
        // GitHub hides an app from a caller that does not authenticate as it
        String basic = request.getHeader("Authorization");
        if (basic == null || !basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Replies.notFound().build();
        }
        String[] credentials = ClientCredentials.decodeBasic(basic.substring(6).trim()).split(":", 2);
        Optional<OAuthApp> app = state.app(credentials[0])
                .filter(a -> credentials.length == 2 && a.hasSecret(credentials[1]));
        if (app.isEmpty()) {
            return Replies.badCredentials().build();
        }
        if (!app.get().clientId().equals(parts[2])) {
            return Replies.notFound().build();
        }
        return withToken(request, app.get(), parts[3], method);
    }

    private ResponseDefinition withToken(Request request, OAuthApp app, String kind, String method) {
        JsonObject body;
        try {
            String text = request.getBodyAsString();
            body = text == null || text.isBlank() ? JsonValue.EMPTY_JSON_OBJECT
                    : Json.createReader(new StringReader(text)).readObject();
        } catch (JsonParsingException | ClassCastException e) {
            return Replies.apiError(400, "Problems parsing JSON", DOCS).build();
        }
        if (!(body.get("access_token") instanceof JsonString value) || value.getString().isBlank()) {
            return validationFailed();
        }
        Optional<AccessToken> token = state.token(value.getString()).filter(t -> t.isIssuedTo(app.clientId()));
        Optional<GitHubUser> user = token.flatMap(t -> state.user(t.userId()));
        if (user.isEmpty()) {
            return Replies.notFound().build();
        }
        if (method.equals("POST")) {
            return Replies.api(200, check(token.get(), app, user.get())).build();
        }
        if (kind.equals("grant")) {
            state.tokens().revokeGrant(token.get().userId(), app.clientId());
        } else {
            state.tokens().revoke(token.get().value());
        }
        return new ResponseDefinitionBuilder().withStatus(204).build();
    }

    private JsonObject check(AccessToken token, OAuthApp app, GitHubUser user) {
        var scopes = Replies.JSON.createArrayBuilder();
        token.scopes().forEach(scopes::add);
        String value = token.value();
        return Replies.JSON.createObjectBuilder()
                .add("id", token.id())
                .add("url", state.urls().api() + "/authorizations/" + token.id())
                .add("scopes", scopes)
                .add("token", value)
                .add("token_last_eight", value.substring(value.length() - 8))
                .add("hashed_token", Sha256.hex(value))
                .add("app", Replies.JSON.createObjectBuilder()
                        .add("url", state.urls().web())
                        .add("name", app.clientId())
                        .add("client_id", app.clientId()))
                .addNull("note")
                .addNull("note_url")
                .add("updated_at", token.createdAt().toString())
                .add("created_at", token.createdAt().toString())
                .addNull("fingerprint")
                .add("expires_at", token.expiresAt() == null ? JsonValue.NULL
                        : Json.createValue(token.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString()))
                .add("user", UserJson.simple(user, state.urls()))
                .addNull("installation")
                .build();
    }

    private static ResponseDefinition validationFailed() {
        return Replies.api(422, Replies.JSON.createObjectBuilder()
                .add("message", "Validation Failed")
                .add("errors", Replies.JSON.createArrayBuilder().add(Replies.JSON.createObjectBuilder()
                        .add("resource", "OauthAccess")
                        .add("field", "access_token")
                        .add("code", "missing_field")))
                .add("documentation_url", DOCS)
                .add("status", "422")
                .build()).build();
    }
}
