package dev.latchkey.testing.github;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organizations and teams the fake knows, kept by numeric id and found by login or slug ignoring case, as on
 * GitHub; an old login or slug finds nothing once renamed.
 */
final class OrgDirectory {

    private final Map<Long, Organization> organizations = new ConcurrentHashMap<>();
    private final Map<Long, Team> teams = new ConcurrentHashMap<>();

    synchronized Organization create(String login, Urls urls, Instant now) {
        requireFreeLogin(login, 0);
        long id = GitHubState.randomId();
        Organization organization = new Organization(id, login, urls.web() + "/avatars/u/" + id + "?v=4",
                now.truncatedTo(ChronoUnit.SECONDS));
        organizations.put(id, organization);
        return organization;
    }

    synchronized Organization rename(long id, String login) {
        requireFreeLogin(login, id);
        Organization renamed = organization(id).withLogin(login);
        organizations.put(id, renamed);
        return renamed;
    }

    Organization organization(long id) {
        Organization organization = organizations.get(id);
        if (organization == null) {
            throw new IllegalArgumentException("The fake knows no organization with id " + id);
        }
        return organization;
    }

    Optional<Organization> findOrganization(String login) {
        return organizations.values().stream().filter(org -> org.login().equalsIgnoreCase(login)).findAny();
    }

    synchronized Team createTeam(long organizationId, String name, Instant now) {
        organization(organizationId);
        requireFreeName(organizationId, name, 0);
        Team team = new Team(GitHubState.randomId(), organizationId, slug(name), name,
                now.truncatedTo(ChronoUnit.SECONDS));
        teams.put(team.id(), team);
        return team;
    }

    synchronized Team renameTeam(long id, String name) {
        Team team = team(id);
        requireFreeName(team.organizationId(), name, id);
        teams.put(id, team.withName(name));
        return teams.get(id);
    }

    void deleteTeam(long id) {
        teams.remove(team(id).id());
    }

    Team team(long id) {
        Team team = teams.get(id);
        if (team == null) {
            throw new IllegalArgumentException("The fake knows no team with id " + id + " (deleted?)");
        }
        return team;
    }

    Optional<Team> findTeam(long organizationId, String slug) {
        return teams.values().stream()
                .filter(team -> team.organizationId() == organizationId && team.slug().equalsIgnoreCase(slug))
                .findAny();
    }

    /** The teams with these ids in the same order, leaving out deleted ones. */
    List<Team> teams(List<Long> ids) {
        return ids.stream().map(teams::get).filter(Objects::nonNull).toList();
    }

    List<Long> teamIdsOf(long organizationId) {
        return teams.values().stream().filter(team -> team.organizationId() == organizationId).map(Team::id)
                .toList();
    }

    /** GitHub's slug: the name in lower case, each run of other characters than letters and digits a hyphen. */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private void requireFreeLogin(String login, long exceptId) {
        findOrganization(login).filter(org -> org.id() != exceptId).ifPresent(org -> {
            throw new IllegalStateException("The organization login " + login + " belongs to organization "
                    + org.id());
        });
    }

    private void requireFreeName(long organizationId, String name, long exceptId) {
        findTeam(organizationId, slug(name)).filter(team -> team.id() != exceptId).ifPresent(team -> {
            throw new IllegalStateException("The organization already has the team " + team.name());
        });
    }
}
