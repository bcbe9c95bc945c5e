package dev.latchkey.github;

/**
 * GitHub refused the token an organization's private data: SAML SSO not authorized for it, OAuth App access
 * restrictions, or a token without the scope to read memberships.
 */
public class OrganizationAccessRefusedException extends RuntimeException {

    /** Why GitHub refused. */
    public enum Reason { SSO_REQUIRED, OAUTH_APP_RESTRICTED, NO_ACCESS }

    private final Reason reason;
    private final String ssoUrl;

    OrganizationAccessRefusedException(Reason reason, String ssoUrl) {
        super("GitHub refused access to an organization: " + reason, null, false, false);
        this.reason = reason;
        this.ssoUrl = ssoUrl;
    }

    public Reason reason() {
        return reason;
    }

    /** Where the user authorizes the token for the organization's SAML SSO (from {@code X-GitHub-SSO}), or null. */
    public String ssoUrl() {
        return ssoUrl;
    }
}
