package dev.latchkey.membership;

import dev.latchkey.github.GitHubMemberships;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * GitHub's numeric ids of the allowed organizations and teams, asked once and kept: organizations and teams can be
 * renamed, and from then on they are matched by id.
 */
@ApplicationScoped
class ResolvedIds {

    private static final Logger LOG = Logger.getLogger(ResolvedIds.class.getName());

    @Inject
    GitHubMemberships github;

    private final Map<String, Long> organizations = new ConcurrentHashMap<>();
    private final Map<AllowList.TeamEntry, GitHubMemberships.TeamIds> teams = new ConcurrentHashMap<>();

    /** The organization's id; empty, with a warning, when GitHub knows no organization by that login. */
    Optional<Long> organization(String login, String token) {
        Long known = organizations.get(login);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Long> id = github.organizationId(login, token);
        id.ifPresentOrElse(found -> organizations.putIfAbsent(login, found), () -> LOG.warning(() ->
                "GitHub knows no organization " + login + ": it admits nobody (GITHUB_ALLOWED_ORGS or"
                        + " GITHUB_ALLOWED_TEAMS)"));
        return Optional.ofNullable(organizations.get(login));
    }

    /**
     * The team's ids, asked with the user's token: GitHub shows a team only to members of its organization (a
     * secret team only to its own members), so empty also means "not visible to this user".
     */
    Optional<GitHubMemberships.TeamIds> team(AllowList.TeamEntry entry, String token) {
        GitHubMemberships.TeamIds known = teams.get(entry);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<GitHubMemberships.TeamIds> ids = github.team(entry.organization(), entry.slug(), token);
        ids.ifPresent(found -> teams.putIfAbsent(entry, found));
        return ids;
    }

    /** Logged when a member of the team's organization cannot see the team: most likely a misspelt slug. */
    void unknownTeam(AllowList.TeamEntry entry) {
        LOG.warning(() -> "GitHub shows no team " + entry + " to a member of " + entry.organization()
                + ": it admits nobody (GITHUB_ALLOWED_TEAMS; a secret team is visible to its own members only)");
    }
}
