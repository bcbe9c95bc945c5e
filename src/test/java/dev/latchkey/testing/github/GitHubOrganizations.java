package dev.latchkey.testing.github;

import java.util.Optional;

/**
 * What a test does to the fake's organizations, as their owners would on github.com: create and rename them,
 * invite and add members, make memberships public, create, rename and delete teams and fill them. Obtained from
 * {@link FakeGitHub#organizations()}.
 *
 * <p>What tokens see of it follows GitHub's REST API: {@code GET /user/memberships/orgs/{org}} shows an active or
 * pending membership (404 when there is none) to a token with {@code read:org}, {@code repo} or {@code user}, or a
 * broader scope, and answers other OAuth tokens 403; {@code GET /user/orgs} lists active memberships, private ones
 * included, to the same tokens. A membership's visibility only shows where others look: {@code GET
 * /users/{username}/orgs} lists public memberships alone. Tokens without OAuth scopes (GitHub App user tokens
 * {@code ghu_}, fine-grained PATs) are judged by their permissions on GitHub; the fake grants them "Members: read".
 */
public final class GitHubOrganizations {

    private final GitHubState state;

    GitHubOrganizations(GitHubState state) {
        this.state = state;
    }

    /** A new organization with a random 8-9 digit id; its login must be free (logins ignore case). */
    public Organization create(String login) {
        return state.directory().create(login, state.urls(), state.now());
    }

    /** The organization renames itself: same id, the new login from now on, and the old one finds nothing. */
    public Organization rename(Organization organization, String newLogin) {
        return state.directory().rename(organization.id(), newLogin);
    }

    /** The organization with this login now, ignoring case. */
    public Optional<Organization> find(String login) {
        return state.directory().findOrganization(login);
    }

    /**
     * The user is an active member with this role from now on (accepting an invitation, or changing role); the
     * visibility stays as it was, private for a new member as on GitHub.
     */
    public void addMember(Organization organization, GitHubUser user, OrgRole role) {
        put(organization, user, role, false, membership(organization, user)
                .map(Memberships.OrgMembership::publicized).orElse(false));
    }

    /** The user is invited: a pending membership, which is not membership ({@code "state": "pending"}). */
    public void invite(Organization organization, GitHubUser user, OrgRole role) {
        put(organization, user, role, true, false);
    }

    /** The member shows the membership on their public profile ({@code GET /users/{username}/orgs}). */
    public void publicize(Organization organization, GitHubUser user) {
        Memberships.OrgMembership membership = membership(organization, user)
                .filter(m -> !m.pending())
                .orElseThrow(() -> new IllegalStateException(user.login() + " is no active member of "
                        + organization.login()));
        put(organization, user, membership.role(), false, true);
    }

    /** The user leaves the organization, or is removed, or the invitation is cancelled; team memberships end too. */
    public void removeMember(Organization organization, GitHubUser user) {
        state.memberships().remove(current(organization).id(), user.id(),
                state.directory().teamIdsOf(organization.id()));
    }

    /** A new team with a random id; its slug is made from the name, as on GitHub, and must be free in the organization. */
    public Team createTeam(Organization organization, String name) {
        return state.directory().createTeam(organization.id(), name, state.now());
    }

    /** The team renames itself: same id, a new name and slug, and the old slug finds nothing. */
    public Team renameTeam(Team team, String newName) {
        return state.directory().renameTeam(team.id(), newName);
    }

    /** The team is deleted: its memberships end and its slug finds nothing. */
    public void deleteTeam(Team team) {
        state.directory().deleteTeam(team.id());
        state.memberships().deleteTeam(team.id());
    }

    /**
     * The user joins the team with this role. The user must be a member of its organization or invited to it:
     * the team membership is then active or pending with the organization membership, as on GitHub.
     */
    public void addToTeam(Team team, GitHubUser user, TeamRole role) {
        Team current = state.directory().team(team.id());
        if (state.memberships().of(current.organizationId(), user.id()).isEmpty()) {
            throw new IllegalStateException(user.login() + " must be a member of the team's organization, or be"
                    + " invited to it, before joining the team " + current.name());
        }
        state.remember(user);
        state.memberships().putTeam(current.id(), user.id(), role);
    }

    /** The user leaves the team, or is removed from it. */
    public void removeFromTeam(Team team, GitHubUser user) {
        state.memberships().removeTeam(team.id(), user.id());
    }

    private Optional<Memberships.OrgMembership> membership(Organization organization, GitHubUser user) {
        return state.memberships().of(current(organization).id(), user.id());
    }

    private void put(Organization organization, GitHubUser user, OrgRole role, boolean pending, boolean publicized) {
        state.remember(user);
        state.memberships().put(current(organization).id(), user.id(),
                new Memberships.OrgMembership(role, pending, publicized));
    }

    private Organization current(Organization organization) {
        return state.directory().organization(organization.id());
    }
}
