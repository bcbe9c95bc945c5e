package dev.latchkey.testing.github;

import java.util.Optional;

/**
 * What a test does to the fake's organizations, as their owners would on github.com: create and rename them,
 * invite and add members, make memberships public, enforce SAML SSO, restrict OAuth Apps, uninstall GitHub Apps.
 * Obtained from {@link FakeGitHub#organizations()}.
 *
 * <p>What tokens see of it follows GitHub's REST API. {@code GET /user/memberships/orgs/{org}} shows the token
 * user's active or pending membership (404 when there is none) to a token with {@code read:org}, {@code repo} or
 * {@code user}, or a broader scope, and answers other OAuth tokens 403 "You do not have access to this organization
 * membership."; {@code GET /user/orgs} lists active memberships, private ones included, to the same tokens (403
 * to others). A membership's visibility shows where others look: {@code GET /users/{username}/orgs} lists public
 * memberships alone. Tokens without OAuth scopes are judged by their permissions on GitHub: the fake gives GitHub
 * App user tokens ({@code ghu_}) the "Members: read" permission on every organization the app is installed on,
 * which is every one unless a test uninstalls it, and treats fine-grained PATs ({@code github_pat_}) alike.
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

    /**
     * The organization enforces SAML single sign-on: its members' tokens get 403 with an {@code X-GitHub-SSO:
     * required; url=...} header from its private resources (not from {@code GET /orgs/{org}}, which is public),
     * and {@code GET /user/teams} withholds its teams, until each token is {@linkplain #authorizeSso authorized}.
     */
    public void enforceSso(Organization organization) {
        state.policies().enforceSso(current(organization).id());
    }

    /**
     * As {@link #enforceSso}, but the {@code X-GitHub-SSO} addresses name {@code webRoot} (for example
     * {@code https://sso.example.net}) instead of GitHub's web host, as a tampering proxy in front of GitHub could:
     * for clients that must not send their users to such an address.
     */
    public void enforceSsoNamingAnotherSite(Organization organization, String webRoot) {
        state.policies().ssoSite(current(organization).id(), webRoot);
        enforceSso(organization);
    }

    /** The user authorized this token for the organization's SAML SSO, as on github.com's "Configure SSO". */
    public void authorizeSso(String token, Organization organization) {
        state.policies().authorizeSso(current(organization).id(), token);
    }

    /**
     * The organization enables OAuth App access restrictions: tokens an OAuth App holds get 403 with GitHub's
     * "Although you appear to have the correct authorization credentials..." from its private resources, and lists
     * leave it out, until an owner {@linkplain #approveOAuthApp approves} the app. Personal access tokens and
     * GitHub Apps are not affected, as on GitHub.
     */
    public void restrictOAuthApps(Organization organization) {
        state.policies().restrictOAuthApps(current(organization).id());
    }

    public void approveOAuthApp(Organization organization, String clientId) {
        state.policies().approveOAuthApp(current(organization).id(), clientId);
    }

    /**
     * The id of the GitHub App's installation on the organization, for webhook payloads. A registered GitHub App
     * counts as installed everywhere with "Members: read" until {@linkplain #uninstallGitHubApp uninstalled};
     * installing it again gives a new id.
     */
    public long installGitHubApp(Organization organization, String clientId) {
        return state.policies().install(current(organization).id(), clientId);
    }

    /** The organization uninstalls the GitHub App: its user tokens no longer reach the organization's members. */
    public void uninstallGitHubApp(Organization organization, String clientId) {
        state.policies().uninstall(current(organization).id(), clientId);
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
