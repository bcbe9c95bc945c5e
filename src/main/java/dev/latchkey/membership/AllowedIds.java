package dev.latchkey.membership;

import dev.latchkey.github.GitHubMemberships;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * GitHub's numeric ids of the allowed organizations and teams, asked once and kept in the database for every node and
 * restart: organizations and teams can be renamed (and a released login taken by another), so they are matched by id.
 */
@ApplicationScoped
public class AllowedIds {

    private static final Logger LOG = Logger.getLogger(AllowedIds.class.getName());

    @Inject
    GitHubMemberships github;

    @Inject
    FirstInserts writer;

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    /** The id kept for a login GitHub did not know; GitHub's own ids start at 1. */
    private static final long UNKNOWN = 0;

    private final Map<String, AllowedGitHubId> known = new ConcurrentHashMap<>();

    /**
     * The organization's id; empty when GitHub knows no organization by that login, which is logged once and kept
     * (id 0): whoever creates an organization of that name later is not let in by an entry meant for another.
     */
    Optional<Long> organization(String login, String token) {
        Optional<AllowedGitHubId> kept = kept(login);
        if (kept.isPresent()) {
            return Optional.of(kept.get().organizationId()).filter(id -> id != UNKNOWN);
        }
        Optional<Long> id = github.organizationId(login, token);
        if (id.isEmpty()) {
            LOG.warning(() -> "GitHub knows no organization " + login + ": it admits nobody (GITHUB_ALLOWED_ORGS,"
                    + " GITHUB_ALLOWED_TEAMS or GITHUB_ADMIN_TEAMS); delete its row from github_allowed_ids once it"
                    + " exists");
        }
        long resolved = keep(new AllowedGitHubId(login, id.orElse(UNKNOWN), null, Instant.now())).organizationId();
        return Optional.of(resolved).filter(found -> found != UNKNOWN);
    }

    /**
     * The team's ids, asked with the user's token: GitHub shows a team only to members of its organization (a
     * secret team only to its own members), so empty also means "not visible to this user".
     */
    Optional<GitHubMemberships.TeamIds> team(AllowList.TeamEntry entry, String token) {
        Optional<AllowedGitHubId> kept = kept(entry.toString());
        if (kept.isPresent()) {
            return Optional.of(new GitHubMemberships.TeamIds(kept.get().teamId(), kept.get().organizationId()));
        }
        Optional<GitHubMemberships.TeamIds> ids = github.team(entry.organization(), entry.slug(), token);
        return ids.map(found -> keep(new AllowedGitHubId(entry.toString(), found.organizationId(), found.teamId(),
                Instant.now()))).map(row -> new GitHubMemberships.TeamIds(row.teamId(), row.organizationId()));
    }

    /** Logged when a member of the team's organization cannot see the team: most likely a misspelt slug. */
    void unknownTeam(AllowList.TeamEntry entry) {
        LOG.warning(() -> "GitHub shows no team " + entry + " to a member of " + entry.organization()
                + ": it admits nobody (a secret team is visible to its own members only)");
    }

    /** The entries (of those resolved so far) that are the organization or one of its teams. */
    List<String> entriesOfOrganization(long organizationId) {
        return em.createQuery("SELECT a.entry FROM AllowedGitHubId a WHERE a.organizationId = :id", String.class)
                .setParameter("id", organizationId)
                .getResultList();
    }

    /** The entry resolved to this team, if any. */
    Optional<String> entryOfTeam(long teamId) {
        return em.createQuery("SELECT a.entry FROM AllowedGitHubId a WHERE a.teamId = :id", String.class)
                .setParameter("id", teamId)
                .getResultStream().findFirst();
    }

    private Optional<AllowedGitHubId> kept(String entry) {
        AllowedGitHubId cached = known.get(entry);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<AllowedGitHubId> stored = Optional.ofNullable(em.find(AllowedGitHubId.class, entry));
        stored.ifPresent(row -> known.put(entry, row));
        return stored;
    }

    /** Stores the ids unless another request or node stored them first: then theirs stand. */
    private AllowedGitHubId keep(AllowedGitHubId resolved) {
        try {
            writer.insert(resolved);
        } catch (Exception storedMeanwhile) {
            // Checked too: WildFly's interceptor lets the commit's RollbackException through as it is.
            LOG.fine(() -> "Ids of " + resolved.entry() + " were stored meanwhile");
        }
        AllowedGitHubId stored = Optional.ofNullable(em.find(AllowedGitHubId.class, resolved.entry())).orElse(resolved);
        known.put(stored.entry(), stored);
        return stored;
    }
}
