package dev.latchkey.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * GitHub's organization and team endpoints as a user's token sees them: ids of organizations and teams, the user's
 * own membership, and the organizations and teams the user is an active member of.
 */
@ApplicationScoped
public class GitHubMemberships {

    private static final int MAX_PAGES = 10;
    /** A billing manager has an active membership record but is no member of the organization. */
    private static final Set<String> MEMBER_ROLES = Set.of("admin", "member");

    @Inject
    GitHubHttp http;

    /** A team's id and its organization's id, which stay when either is renamed. */
    public record TeamIds(long teamId, long organizationId) {
    }

    /** The token user's membership of an organization: {@code active}, or {@code pending} (an invitation). */
    /** {@code active}: an accepted membership as a member or owner (not an invitation, not a billing manager). */
    public record Membership(long organizationId, boolean active) {
    }

    /** The teams of {@code GET /user/teams} and the organizations whose teams SAML SSO withheld. */
    public record UserTeams(Set<Long> teamIds, Set<Long> ssoWithheldOrganizationIds) {
    }

    /** {@code GET /orgs/{org}}: the organization's id, or empty when GitHub knows no organization by that login. */
    public Optional<Long> organizationId(String login, String token) {
        return get("/orgs/" + encode(login), token).map(org -> org.getJsonNumber("id").longValueExact());
    }

    /** {@code GET /orgs/{org}/teams/{slug}}: empty when the team does not exist or the user may not see it. */
    public Optional<TeamIds> team(String organization, String slug, String token) {
        return get("/orgs/" + encode(organization) + "/teams/" + encode(slug), token)
                .map(team -> new TeamIds(team.getJsonNumber("id").longValueExact(),
                        team.getJsonObject("organization").getJsonNumber("id").longValueExact()));
    }

    /** {@code GET /user/memberships/orgs/{org}}: empty when the user is neither member nor invited. */
    public Optional<Membership> membership(String organization, String token) {
        return get("/user/memberships/orgs/" + encode(organization), token)
                .map(m -> new Membership(m.getJsonObject("organization").getJsonNumber("id").longValueExact(),
                        "active".equals(m.getString("state", null))
                                && MEMBER_ROLES.contains(m.getString("role", ""))));
    }

    /** {@code GET /user/orgs}, every page: the current login of each organization, by id. */
    public Map<Long, String> organizations(String token) {
        Map<Long, String> organizations = new HashMap<>();
        pages("/user/orgs", token, response -> GitHubHttp.array(response).forEach(org -> organizations.put(
                org.asJsonObject().getJsonNumber("id").longValueExact(), org.asJsonObject().getString("login"))));
        return organizations;
    }

    /** {@code GET /user/teams}, every page, with the organizations named in {@code X-GitHub-SSO: partial-results}. */
    public UserTeams teams(String token) {
        Set<Long> teams = new HashSet<>();
        Set<Long> withheld = new HashSet<>();
        pages("/user/teams", token, response -> {
            GitHubHttp.array(response).forEach(team -> teams.add(
                    team.asJsonObject().getJsonNumber("id").longValueExact()));
            withheld.addAll(GitHubOrgRefusals.ssoWithheld(response));
        });
        return new UserTeams(teams, withheld);
    }

    private void pages(String path, String token, Consumer<HttpResponse<String>> reader) {
        for (int page = 1; page <= MAX_PAGES; page++) {
            // GitHub answers GET /user/teams 404 to a token without read:org: it lists nothing, as it does.
            Optional<HttpResponse<String>> answered = answer(path + "?per_page=100&page=" + page, token);
            if (answered.isEmpty()) {
                return;
            }
            HttpResponse<String> response = answered.get();
            reader.accept(response);
            if (!response.headers().firstValue("Link").orElse("").contains("rel=\"next\"")) {
                return;
            }
        }
    }

    private Optional<JsonObject> get(String path, String token) {
        return answer(path, token).map(GitHubHttp::object);
    }

    /** The 2xx answer, empty for 404, and GitHub's organization refusals told apart from other failures. */
    private Optional<HttpResponse<String>> answer(String path, String token) {
        HttpResponse<String> response = http.exchange(http.api(path, token).GET().build());
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status == 403) {
            GitHubOrgRefusals.refusal(response).ifPresent(refusal -> {
                throw refusal;
            });
        }
        if (status >= 300) {
            throw new GitHubRefusedException(status, "GitHub answered " + status);
        }
        return Optional.of(response);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
