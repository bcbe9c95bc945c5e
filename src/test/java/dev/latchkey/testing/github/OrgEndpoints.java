package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /user/memberships/orgs/{org}}, {@code GET /orgs/{org}} and {@code GET /users/{username}/orgs}: the
 * token user's own membership, an organization's public profile, and a user's public memberships.
 */
final class OrgEndpoints {

    private static final String MEMBERSHIP_DOCS =
            "https://docs.github.com/rest/orgs/members#get-an-organization-membership-for-the-authenticated-user";
    private static final String ORG_DOCS = "https://docs.github.com/rest/orgs/orgs#get-an-organization";
    private static final String USER_ORGS_DOCS = "https://docs.github.com/rest/orgs/orgs#list-organizations-for-a-user";
    private static final String ORG_SCOPES = "admin:org, read:org, repo, user, write:org";

    private final GitHubState state;
    private final ApiCalls calls;
    private final OrgAccess access;

    OrgEndpoints(GitHubState state, ApiCalls calls, OrgAccess access) {
        this.state = state;
        this.calls = calls;
        this.access = access;
    }

    /**
     * Active and pending memberships alike; 404 when the user has none, or the organization does not exist; 403
     * to a token GitHub does not let at the organization's members (scope, restrictions, SSO).
     */
    ResponseDefinition membership(Request request, String login) {
        return calls.authenticated(request, MEMBERSHIP_DOCS, ORG_SCOPES, (token, user) -> {
            Optional<Organization> org = state.directory().findOrganization(login);
            if (org.isEmpty()) {
                return Replies.apiError(404, "Not Found", MEMBERSHIP_DOCS);
            }
            if (!Scopes.allow(token, "read:org", "repo", "user")) {
                return noAccess();
            }
            Optional<ResponseDefinitionBuilder> refusal =
                    access.refusal(token, user, org.get(), MEMBERSHIP_DOCS, OrgEndpoints::noAccess);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            return state.memberships().of(org.get().id(), user.id())
                    .map(m -> Replies.api(200, OrgJson.membership(org.get(), user, m, state.urls(), true)))
                    .orElseGet(() -> Replies.apiError(404, "Not Found", MEMBERSHIP_DOCS));
        });
    }

    /** Public: anyone may look an organization up, with or without a token, whatever the organization enforces. */
    ResponseDefinition organization(Request request, String login) {
        return calls.open(request, ORG_SCOPES, (token, user) -> state.directory().findOrganization(login)
                .map(org -> Replies.api(200, OrgJson.full(org, state.urls())))
                .orElseGet(() -> Replies.apiError(404, "Not Found", ORG_DOCS)));
    }

    /** Public memberships only, whoever asks: private ones show to the member alone, on /user/orgs. */
    ResponseDefinition publicOrganizations(Request request, String login) {
        return calls.open(request, "", (token, caller) -> state.user(login)
                .map(user -> {
                    List<JsonObject> organizations = state.memberships().publicOrganizations(user.id()).stream()
                            .map(id -> OrgJson.simple(state.directory().organization(id), state.urls()))
                            .toList();
                    return Page.reply(Params.query(request),
                            state.urls().api() + "/users/" + user.login() + "/orgs", organizations);
                })
                .orElseGet(() -> Replies.apiError(404, "Not Found", USER_ORGS_DOCS)));
    }

    private static ResponseDefinitionBuilder noAccess() {
        return Replies.apiError(403, "You do not have access to this organization membership.", MEMBERSHIP_DOCS);
    }
}
