package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import jakarta.json.JsonObject;
import java.util.List;

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
    private final ApiCalls calls;
    private final OrgAccess access;

    UserEndpoints(GitHubState state, Failures failures, ApiCalls calls, OrgAccess access) {
        this.state = state;
        this.failures = failures;
        this.calls = calls;
        this.access = access;
    }

    ResponseDefinition user(Request request) {
        int failing = failures.userEndpointStatus();
        if (failing != 0) {
            return FailingEndpoint.reply(failing, calls.token(request).map(AccessToken::userId), state.now());
        }
        return calls.authenticated(request, USER_DOCS, "",
                (token, user) -> Replies.api(200, UserJson.authenticated(user, state.urls())));
    }

    ResponseDefinition emails(Request request) {
        return calls.authenticated(request, EMAILS_DOCS, "user, user:email", (token, user) -> {
            // Only OAuth scopes count here, so GitHub App user tokens get a 404 too
            if (!token.hasAnyScope("user:email", "user")) {
                return Replies.apiError(404, "Not Found", EMAILS_DOCS);
            }
            List<JsonObject> emails = user.emails().stream().map(UserJson::email).toList();
            return Page.reply(Params.query(request), state.urls().api() + "/user/emails", emails);
        });
    }

    /**
     * Needs {@code read:org}, {@code repo} or {@code user} (or a broader org scope) from tokens that have OAuth
     * scopes, although GitHub's message names only two of them; private memberships are listed too, organizations
     * the token cannot reach (OAuth App restrictions, GitHub App not installed) are left out.
     */
    ResponseDefinition organizations(Request request) {
        return calls.authenticated(request, ORGS_DOCS, ORG_SCOPES, (token, user) -> {
            if (!Scopes.allow(token, "read:org", "repo", "user")) {
                return Replies.apiError(403, "You need at least read:org scope or user scope to list your"
                        + " organizations.", ORGS_DOCS);
            }
            List<JsonObject> organizations = state.organizationsOf(user.id()).stream()
                    .filter(org -> access.lists(token, org.id()))
                    .map(org -> OrgJson.simple(org, state.urls()))
                    .toList();
            return Page.reply(Params.query(request), state.urls().api() + "/user/orgs", organizations);
        });
    }
}
