package dev.latchkey.testing.github;

import java.util.Optional;

/**
 * What a test does to the teams of the fake's organizations, as their maintainers would on github.com: create,
 * rename and delete teams, add and remove members. Obtained from {@link FakeGitHub#teams()}.
 */
public final class GitHubTeams {

    private final GitHubState state;

    GitHubTeams(GitHubState state) {
        this.state = state;
    }

    /** A new team with a random id; its slug comes from the name as on GitHub and must be free in the organization. */
    public Team create(Organization organization, String name) {
        return state.directory().createTeam(organization.id(), name, state.now());
    }

    /** The organization's team with this slug now, ignoring case. */
    public Optional<Team> find(Organization organization, String slug) {
        return state.directory().findTeam(organization.id(), slug);
    }

    /** The team renames itself: same id, a new name and slug, and the old slug finds nothing. */
    public Team rename(Team team, String newName) {
        return state.directory().renameTeam(team.id(), newName);
    }

    /** The team is deleted: its memberships end and its slug finds nothing. */
    public void delete(Team team) {
        state.directory().deleteTeam(team.id());
        state.memberships().deleteTeam(team.id());
    }

    /**
     * The user joins the team with this role. The user must be a member of its organization or invited to it:
     * the team membership is then active or pending with the organization membership, as on GitHub.
     */
    public void add(Team team, GitHubUser user, TeamRole role) {
        Team current = state.directory().team(team.id());
        if (state.memberships().of(current.organizationId(), user.id()).isEmpty()) {
            throw new IllegalStateException(user.login() + " must be a member of the team's organization, or be"
                    + " invited to it, before joining the team " + current.name());
        }
        state.remember(user);
        state.memberships().putTeam(current.id(), user.id(), role);
    }

    /** The user leaves the team, or is removed from it. */
    public void remove(Team team, GitHubUser user) {
        state.memberships().removeTeam(team.id(), user.id());
    }
}
