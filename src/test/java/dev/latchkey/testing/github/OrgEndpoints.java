package dev.latchkey.testing.github;

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

    OrgEndpoints(GitHubState state, ApiCalls calls) {
        this.state = state;
        this.calls = calls;
    }

    /** Active and pending memberships alike; 404 when the user has none, or the organization does not exist. */
    ResponseDefinition membership(Request request, String login) {
        return calls.authenticated(request, MEMBERSHIP_DOCS, ORG_SCOPES, (token, user) -> {
            if (!Scopes.allow(token, "read:org", "repo", "user")) {
                return Replies.apiError(403, "You do not have access to this organization membership.",
                        MEMBERSHIP_DOCS);
            }
            Optional<Organization> org = state.directory().findOrganization(login);
            Optional<Memberships.OrgMembership> membership =
                    org.flatMap(o -> state.memberships().of(o.id(), user.id()));
            if (membership.isEmpty()) {
                return Replies.apiError(404, "Not Found", MEMBERSHIP_DOCS);
            }
            return Replies.api(200, OrgJson.membership(org.get(), user, membership.get(), state.urls(), true));
        });
    }

    /** Public: anyone may look an organization up, with or without a token. */
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
}
