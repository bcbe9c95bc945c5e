package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** {@code GET /user}, {@code /user/emails} and {@code /user/orgs}, authenticated by a user's token as GitHub does. */
final class UserEndpoints {

    private static final String USER_DOCS = "https://docs.github.com/rest/users/users#get-the-authenticated-user";
    private static final String EMAILS_DOCS =
            "https://docs.github.com/rest/users/emails#list-email-addresses-for-the-authenticated-user";
    private static final String ORGS_DOCS =
            "https://docs.github.com/rest/orgs/orgs#list-organizations-for-the-authenticated-user";
    private static final String ORG_SCOPES = "admin:org, read:org, repo, user, write:org";

    private final GitHubState state;
    private final Failures failures;
    private final RateLimits rateLimits = new RateLimits();

    UserEndpoints(GitHubState state, Failures failures) {
        this.state = state;
        this.failures = failures;
    }

    ResponseDefinition user(Request request) {
        int failing = failures.userEndpointStatus();
        if (failing != 0) {
            return FailingEndpoint.reply(failing, token(request).map(AccessToken::userId), state.now());
        }
        return authenticated(request, USER_DOCS, "", (token, user) -> Replies.api(200, UserJson.authenticated(user, state.urls())));
    }

    ResponseDefinition emails(Request request) {
        return authenticated(request, EMAILS_DOCS, "user, user:email", (token, user) -> {
            if (!token.hasAnyScope("user:email", "user")) {
                return Replies.apiError(404, "Not Found", EMAILS_DOCS);
            }
            Map<String, String> query = Params.query(request);
            Page page = Page.of(query, user.emails().size());
            var array = Replies.JSON.createArrayBuilder();
            user.emails().subList(page.from(), page.to()).forEach(email -> array.add(UserJson.email(email)));
            ResponseDefinitionBuilder reply = Replies.api(200, array.build());
            String link = page.linkHeader(state.urls().api() + "/user/emails", query.containsKey("per_page"));
            return link.isEmpty() ? reply : reply.withHeader("Link", link);
        });
    }

    /** Needs {@code read:org} or {@code user} (or a broader org scope) from tokens that have OAuth scopes. */
    ResponseDefinition organizations(Request request) {
        return authenticated(request, ORGS_DOCS, ORG_SCOPES, (token, user) -> {
            if (token.hasOAuthScopes() && !token.hasAnyScope("read:org", "write:org", "admin:org", "user")) {
                return Replies.apiError(403, "You need at least read:org scope or user scope to list your"
                        + " organizations.", ORGS_DOCS);
            }
            Map<String, String> query = Params.query(request);
            List<Organization> organizations = state.organizationsOf(user.id());
            Page page = Page.of(query, organizations.size());
            var array = Replies.JSON.createArrayBuilder();
            organizations.subList(page.from(), page.to())
                    .forEach(org -> array.add(UserJson.organization(org, state.urls())));
            ResponseDefinitionBuilder reply = Replies.api(200, array.build());
            String link = page.linkHeader(state.urls().api() + "/user/orgs", query.containsKey("per_page"));
            return link.isEmpty() ? reply : reply.withHeader("Link", link);
        });
    }

    /** Missing credentials and bad credentials are different 401s on GitHub; expired tokens are bad credentials. */
    private ResponseDefinition authenticated(
            Request request, String documentationUrl, String acceptedScopes,
            BiFunction<AccessToken, GitHubUser, ResponseDefinitionBuilder> handler) {
        if (request.getHeader("Authorization") == null) {
            return Replies.apiError(401, "Requires authentication", documentationUrl).build();
        }
        Optional<AccessToken> token = token(request);
        Optional<GitHubUser> user = token.flatMap(t -> state.user(t.userId()));
        if (user.isEmpty()) {
            return Replies.badCredentials().build();
        }
        ResponseDefinitionBuilder reply = handler.apply(token.get(), user.get())
                .withHeader("X-Accepted-OAuth-Scopes", acceptedScopes);
        if (token.get().hasOAuthScopes()) {
            reply.withHeader("X-OAuth-Scopes", token.get().scopeHeader());
        }
        return rateLimits.count(user.get().id(), state.now()).addHeaders(reply).build();
    }

    /** GitHub takes {@code Bearer TOKEN} and the older {@code token TOKEN}, the scheme in any case. */
    private Optional<AccessToken> token(Request request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return Optional.empty();
        }
        for (String scheme : List.of("Bearer ", "token ")) {
            if (authorization.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return state.token(authorization.substring(scheme.length()).trim());
            }
        }
        return Optional.empty();
    }
}
