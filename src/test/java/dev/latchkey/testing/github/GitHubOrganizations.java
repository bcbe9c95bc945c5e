package dev.latchkey.testing.github;

import java.util.Optional;

/**
 * What a test does to the fake's organizations, as their owners would on github.com: create and rename them,
 * invite and add members, make memberships public. Obtained from {@link FakeGitHub#organizations()}.
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
