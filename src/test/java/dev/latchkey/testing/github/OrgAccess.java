package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What GitHub lets a token reach of an organization's private resources: an unapproved OAuth App under access
 * restrictions reaches nothing, a GitHub App only where it is installed, and a member's token under SAML SSO only
 * once authorized for it.
 */
final class OrgAccess {

    private static final String SSO_DOCS =
            "https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GitHubState state;

    OrgAccess(GitHubState state) {
        this.state = state;
    }

    /**
     * Why GitHub refuses the token this organization's resources, or empty: 403 with GitHub's message for an OAuth
     * App the organization has not approved, the endpoint's own answer ({@code hidden}) for a GitHub App it has not
     * installed, 403 with an {@code X-GitHub-SSO} header for a member's token not authorized for SAML SSO.
     */
    Optional<ResponseDefinitionBuilder> refusal(AccessToken token, GitHubUser user, Organization org, String docs,
                                                Supplier<ResponseDefinitionBuilder> hidden) {
        if (oauthAppBlocked(token, org)) {
            return Optional.of(Replies.apiError(403, "Although you appear to have the correct authorization"
                    + " credentials, the `" + org.login() + "` organization has enabled OAuth App access"
                    + " restrictions, meaning that data access to third-parties is limited. For more information on"
                    + " these restrictions, including how to enable this app, visit"
                    + " https://docs.github.com/articles/restricting-access-to-your-organization-s-data/", docs));
        }
        if (!appInstalled(token, org)) {
            return Optional.of(hidden.get());
        }
        if (ssoWithholds(token, user, org.id())) {
            String site = state.policies().ssoSite(org.id()).orElse(state.urls().web());
            return Optional.of(Replies.apiError(403, "Resource protected by organization SAML enforcement. You must"
                    + " grant your " + (isPersonal(token) ? "Personal Access" : "OAuth") + " token access to this"
                    + " organization.", SSO_DOCS)
                    .withHeader("X-GitHub-SSO", "required; url=" + site + "/orgs/" + org.login()
                            + "/sso?authorization_request=" + authorizationRequest()));
        }
        return Optional.empty();
    }

    /** Whether lists of the user's organizations and teams show this organization to the token at all. */
    boolean lists(AccessToken token, long organizationId) {
        Organization org = state.directory().organization(organizationId);
        return !oauthAppBlocked(token, org) && appInstalled(token, org);
    }

    /** SAML SSO guards an organization's resources from its members' tokens until each is authorized. */
    boolean ssoWithholds(AccessToken token, GitHubUser user, long organizationId) {
        return state.memberships().of(organizationId, user.id()).filter(m -> !m.pending()).isPresent()
                && state.policies().ssoBlocks(organizationId, token.value());
    }

    /** Only tokens an OAuth App holds are subject to its restrictions: not PATs, not GitHub Apps' tokens. */
    private boolean oauthAppBlocked(AccessToken token, Organization org) {
        return state.app(token.clientId()).filter(app -> !app.expiringTokens()).isPresent()
                && state.policies().oauthAppBlocked(org.id(), token.clientId());
    }

    private boolean appInstalled(AccessToken token, Organization org) {
        return state.app(token.clientId()).filter(OAuthApp::expiringTokens).isEmpty()
                || state.policies().installed(org.id(), token.clientId());
    }

    private static boolean isPersonal(AccessToken token) {
        return token.value().startsWith("ghp_") || token.value().startsWith("github_pat_");
    }

    private static String authorizationRequest() {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < 96; i++) {
            value.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return value.toString();
    }
}
