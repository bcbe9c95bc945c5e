package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code GET /orgs/{org}/teams/{team_slug}}, {@code .../memberships/{username}} and {@code GET /user/teams}. A team
 * is visible to the members of its organization; GitHub answers 404 to whoever may not see it, and to tokens
 * without the scope these endpoints take.
 */
final class TeamEndpoints {

    private static final String TEAM_DOCS = "https://docs.github.com/rest/teams/teams#get-a-team-by-name";
    private static final String MEMBERSHIP_DOCS =
            "https://docs.github.com/rest/teams/members#get-team-membership-for-a-user";
    private static final String USER_TEAMS_DOCS =
            "https://docs.github.com/rest/teams/teams#list-teams-for-the-authenticated-user";
    private static final String TEAM_SCOPES = "admin:org, read:org, repo, user, write:org";
    private static final String MEMBERSHIP_SCOPES = "admin:org, read:org, repo, write:org";

    private final GitHubState state;
    private final ApiCalls calls;
    private final OrgAccess access;

    TeamEndpoints(GitHubState state, ApiCalls calls, OrgAccess access) {
        this.state = state;
        this.calls = calls;
        this.access = access;
    }

    ResponseDefinition team(Request request, String login, String slug) {
        return calls.authenticated(request, TEAM_DOCS, TEAM_SCOPES, (token, user) -> {
            Optional<Team> team = findTeam(login, slug).filter(t -> Scopes.allow(token, "read:org", "repo", "user"));
            return team.flatMap(t -> refusal(token, user, t, TEAM_DOCS))
                    .or(() -> team.filter(t -> isActiveMember(user, t.organizationId()))
                            .map(t -> Replies.api(200, TeamJson.full(t, organization(t), state.urls()))))
                    .orElseGet(() -> Replies.apiError(404, "Not Found", TEAM_DOCS));
        });
    }

    /** Anyone may read their own team membership; others' only in a team they can see. Owners are maintainers. */
    ResponseDefinition membership(Request request, String login, String slug, String username) {
        return calls.authenticated(request, MEMBERSHIP_DOCS, MEMBERSHIP_SCOPES, (token, user) -> {
            Optional<Team> team = findTeam(login, slug).filter(t -> Scopes.allow(token, "read:org", "repo"));
            Optional<ResponseDefinitionBuilder> refusal = team.flatMap(t -> refusal(token, user, t, MEMBERSHIP_DOCS));
            if (refusal.isPresent()) {
                return refusal.get();
            }
            Optional<GitHubUser> member = state.user(username);
            boolean visible = member.filter(m -> m.id() == user.id()).isPresent()
                    || team.filter(t -> isActiveMember(user, t.organizationId())).isPresent();
            Optional<TeamRole> role = team.filter(t -> visible)
                    .flatMap(t -> member.flatMap(m -> state.memberships().teamRole(t.id(), m.id())));
            Optional<Memberships.OrgMembership> inOrg = role
                    .flatMap(r -> state.memberships().of(team.get().organizationId(), member.get().id()));
            if (inOrg.isEmpty()) {
                return Replies.apiError(404, "Not Found", MEMBERSHIP_DOCS);
            }
            String shownRole = inOrg.get().role() == OrgRole.ADMIN ? "maintainer" : role.get().json();
            return Replies.api(200, TeamJson.membership(team.get(), member.get(), shownRole, inOrg.get().state(),
                    state.urls()));
        });
    }

    /**
     * The teams of the organizations the user is an active member of and the token reaches; teams of organizations
     * whose SAML SSO the token is not authorized for are withheld, and GitHub names those organizations.
     */
    ResponseDefinition userTeams(Request request) {
        return calls.authenticated(request, USER_TEAMS_DOCS, TEAM_SCOPES, (token, user) -> {
            if (!Scopes.allow(token, "read:org", "repo", "user")) {
                return Replies.apiError(404, "Not Found", USER_TEAMS_DOCS);
            }
            List<Team> teams = state.directory().teams(state.memberships().teams(user.id())).stream()
                    .filter(team -> isActiveMember(user, team.organizationId()))
                    .filter(team -> access.lists(token, team.organizationId()))
                    .toList();
            String withheld = teams.stream().map(Team::organizationId)
                    .filter(id -> access.ssoWithholds(token, user, id))
                    .distinct().map(String::valueOf).collect(Collectors.joining(","));
            ResponseDefinitionBuilder reply = Page.reply(Params.query(request), state.urls().api() + "/user/teams",
                    teams.stream().filter(team -> !access.ssoWithholds(token, user, team.organizationId()))
                            .map(team -> TeamJson.full(team, organization(team), state.urls())).toList());
            return withheld.isEmpty() ? reply
                    : reply.withHeader("X-GitHub-SSO", "partial-results; organizations=" + withheld);
        });
    }

    private Optional<ResponseDefinitionBuilder> refusal(AccessToken token, GitHubUser user, Team team, String docs) {
        return access.refusal(token, user, organization(team), docs, () -> Replies.apiError(404, "Not Found", docs));
    }

    private Optional<Team> findTeam(String login, String slug) {
        return state.directory().findOrganization(login)
                .flatMap(org -> state.directory().findTeam(org.id(), slug));
    }

    private boolean isActiveMember(GitHubUser user, long organizationId) {
        return state.memberships().of(organizationId, user.id()).filter(m -> !m.pending()).isPresent();
    }

    private Organization organization(Team team) {
        return state.directory().organization(team.organizationId());
    }
}
