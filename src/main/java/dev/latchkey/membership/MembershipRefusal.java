package dev.latchkey.membership;

import dev.latchkey.web.ApiException;

/**
 * A sign-in the organization gate stops, with the {@code ?error=} code browsers are sent back with; refusals are
 * audited where they are decided, GitHub's failures by the sign-in that met them.
 */
public class MembershipRefusal extends ApiException {

    static final String NOT_A_MEMBER = "Your GitHub account is not a member of an allowed organization";
    static final String SSO_REQUIRED = "Your organization requires SAML single sign-on: authorize this app's token"
            + " for it on GitHub, then sign in again";
    static final String RESTRICTED = "Your organization restricts which OAuth Apps may read its data: ask an owner"
            + " to approve this app on GitHub, then sign in again";

    static final String PASSWORD_NEEDS_GITHUB =
            "Sign in with GitHub: only members of an allowed organization may sign in";

    private final String errorCode;
    private final boolean audited;
    private final String ssoUrl;

    private MembershipRefusal(String errorCode, int status, String detail, boolean audited) {
        this(errorCode, status, detail, audited, null);
    }

    private MembershipRefusal(String errorCode, int status, String detail, boolean audited, String ssoUrl) {
        super(status, detail);
        this.errorCode = errorCode;
        this.audited = audited;
        this.ssoUrl = ssoUrl;
    }

    static MembershipRefusal notAMember() {
        return new MembershipRefusal("not_a_member", 403, NOT_A_MEMBER, true);
    }

    static MembershipRefusal ssoRequired(String ssoUrl) {
        return new MembershipRefusal("github_sso_required", 403,
                ssoUrl == null ? SSO_REQUIRED : SSO_REQUIRED + " (" + ssoUrl + ")", true, ssoUrl);
    }

    static MembershipRefusal restricted() {
        return new MembershipRefusal("org_access_restricted", 403, RESTRICTED, true);
    }

    static MembershipRefusal passwordNeedsGitHub() {
        return new MembershipRefusal("not_a_member", 403, PASSWORD_NEEDS_GITHUB, true);
    }

    static MembershipRefusal unavailable() {
        return new MembershipRefusal("github_unavailable", 503, "GitHub is not answering; try again later", false);
    }

    static MembershipRefusal checkFailed() {
        return new MembershipRefusal("github_error", 502,
                "Could not check your organization membership with GitHub; try again later", false);
    }

    /** Where GitHub lets the user authorize the token for the organization's SSO ({@code X-GitHub-SSO}), or null. */
    public String ssoUrl() {
        return ssoUrl;
    }

    public String errorCode() {
        return errorCode;
    }

    /** Whether the refusal is already in the audit trail ({@code sign_in_refused}). */
    public boolean audited() {
        return audited;
    }
}
