package dev.latchkey.membership;

import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What GitHub's webhooks say about memberships ending, applied at once in the caller's transaction: users (by GitHub's
 * numeric id) lose the allowed or admin entries named by organization or team id, and their access if nothing else
 * admits them.
 */
@ApplicationScoped
public class MembershipRemovals {

    static final String VIA = "webhook";

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    MembershipSettings settings;

    @Inject
    AllowedIds ids;

    @Inject
    MembershipUpdates updates;

    @Inject
    MembershipWatch watch;

    @Inject
    Users users;

    /** The user left the organization, so every entry of it (itself and its teams); false when none was theirs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean removedFromOrganization(long githubUserId, long organizationId) {
        return users.findByGitHubId(githubUserId)
                .map(user -> strike(user.id(), configured(ids.entriesOfOrganization(organizationId).stream())))
                .orElse(false);
    }

    /** The user left the team; false when it is no allowed or admin team of theirs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean removedFromTeam(long githubUserId, long teamId) {
        List<String> team = configured(ids.entryOfTeam(teamId).stream());
        return !team.isEmpty() && users.findByGitHubId(githubUserId).map(User::id)
                .map(userId -> strike(userId, team)).orElse(false);
    }

    /** The team is gone: everyone found in it loses it; how many users that was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int teamDeleted(long teamId) {
        List<String> team = configured(ids.entryOfTeam(teamId).stream());
        if (team.isEmpty()) {
            return 0;
        }
        // Narrowed by the database, decided by whole entries: "acme/core" is no part of "acme/core-2".
        List<Long> members = em.createQuery("SELECT m.userId FROM MembershipRecord m"
                        + " WHERE m.found LIKE :entry ESCAPE '!' ORDER BY m.userId", Long.class)
                .setParameter("entry", "%" + likeEscaped(team.get(0)) + "%")
                .getResultList();
        return (int) members.stream().filter(userId -> strike(userId, team)).count();
    }

    /** Strikes those of {@code entries} the user was found in at the last check; false when none. */
    private boolean strike(long userId, List<String> entries) {
        // Locked before it is read, as the update locks it: a check finishing meanwhile is applied before or after.
        List<String> found = Optional.ofNullable(em.find(MembershipRecord.class, userId,
                LockModeType.PESSIMISTIC_WRITE)).map(MembershipRecord::found).orElse(List.of());
        List<String> theirs = entries.stream().filter(found::contains).toList();
        if (theirs.isEmpty()) {
            return false;
        }
        updates.left(userId, theirs, VIA);
        watch.forget(userId);
        return true;
    }

    /** Only entries configured now count: ids resolved for an entry since taken off the lists are left alone. */
    private List<String> configured(Stream<String> entries) {
        AllowList allowed = settings.allowList();
        return entries.filter(entry -> allowed.organizations().contains(entry)
                        || allowed.allTeams().stream().anyMatch(team -> team.toString().equals(entry)))
                .toList();
    }

    /** {@code entry} matched literally by LIKE with the escape character {@code !}: slugs may hold an underscore. */
    static String likeEscaped(String entry) {
        return entry.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
