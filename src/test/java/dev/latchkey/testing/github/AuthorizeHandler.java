package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /login/oauth/authorize}: GitHub's consent step, approved at once for the signed-in user.
 *
 * <p>(1) unknown client: 404 page; (2) nobody signed in: the sign-in page; (3) bad PKCE method: error redirect;
 * (4) a denial queued by the test: access_denied redirect; (5) otherwise a redirect with a fresh code.
 */
final class AuthorizeHandler {

    private static final String ERRORS =
            "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors";

    private final GitHubState state;
    private final Failures failures;

    AuthorizeHandler(GitHubState state, Failures failures) {
        this.state = state;
        this.failures = failures;
    }

    ResponseDefinition authorize(Request request) {
        Map<String, String> query = Params.query(request);
        // (1) Authorization Request for a client GitHub does not know
        if (state.app(query.get("client_id")).isEmpty()) {
            return Replies.html(404, "Page not found &middot; GitHub", "This is not the web page you are looking for.")
                    .build();
        }
        String redirectUri = query.get("redirect_uri");
        if (redirectUri == null || redirectUri.isBlank()) {
            return Replies.html(400, "Redirect URI missing &middot; GitHub",
                    "This fake registers no callback URL, so every authorize request needs a redirect_uri.").build();
        }
        // (2) A browser without a GitHub session stops on the sign-in page
        var user = state.signedInUser();
        if (user.isEmpty()) {
            return Replies.html(200, "Sign in to GitHub &middot; GitHub", "Sign in to GitHub to continue to the app.")
                    .build();
        }
        String clientState = query.get("state");
        // (3) GitHub supports PKCE with S256 only
        String challenge = emptyToNull(query.get("code_challenge"));
        if (challenge != null && !"S256".equals(query.get("code_challenge_method"))) {
            return error(redirectUri, "invalid_request", "code_challenge_method must be S256.", clientState);
        }
        // (4) The user pressed Cancel
        if (failures.takeAuthorizationDenial()) {
            return error(redirectUri, "access_denied", "The user has denied your application access.", clientState);
        }
        // (5) Authorization Response; a GitHub App ignores scope: its permissions are the app's
        boolean gitHubApp = state.app(query.get("client_id")).orElseThrow().expiringTokens();
        AuthorizationCode code = state.issueCode(user.get().id(), query.get("client_id"), redirectUri,
                gitHubApp ? List.of() : scopes(query.get("scope")), challenge);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code.code());
        putIfPresent(parameters, "state", clientState);
        return Replies.redirect(Replies.withQuery(redirectUri, parameters)).build();
    }

    /** GitHub documents space-delimited scopes and accepts commas too; it keeps the order asked for. */
    static List<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return Arrays.stream(scope.trim().split("[\\s,]+")).distinct().toList();
    }

    private static ResponseDefinition error(String redirectUri, String error, String description, String state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        parameters.put("error_uri", ERRORS + "#" + error.replace('_', '-'));
        putIfPresent(parameters, "state", state);
        return Replies.redirect(Replies.withQuery(redirectUri, parameters)).build();
    }

    private static void putIfPresent(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
