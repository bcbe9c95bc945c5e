package dev.latchkey.auth.github;

import dev.latchkey.membership.MembershipRefusal;
import dev.latchkey.web.ApiException;
import java.util.Optional;

/**
 * A GitHub sign-in (or link) that cannot finish, with the {@code ?error=} code browsers are sent back with.
 */
public class GitHubSignInFailure extends ApiException {

    private final String errorCode;
    private final boolean audited;
    private final String ssoUrl;

    private GitHubSignInFailure(String errorCode, int status, String detail) {
        this(errorCode, status, detail, false, null);
    }

    private GitHubSignInFailure(String errorCode, int status, String detail, boolean audited, String ssoUrl) {
        super(status, detail);
        this.errorCode = errorCode;
        this.audited = audited;
        this.ssoUrl = ssoUrl;
    }

    static GitHubSignInFailure invalidState() {
        return new GitHubSignInFailure("invalid_state", 400, "Invalid or expired OAuth state");
    }

    static GitHubSignInFailure accessDenied() {
        return new GitHubSignInFailure("access_denied", 400,
                "GitHub sign-in was cancelled: the authorization was denied");
    }

    static GitHubSignInFailure authorizationRefused() {
        return new GitHubSignInFailure("github_error", 400, "GitHub refused the authorization request");
    }

    static GitHubSignInFailure exchangeFailed() {
        return new GitHubSignInFailure("github_error", 400, "Failed to exchange GitHub code");
    }

    /** GitHub answered the code exchange with its own failure (5xx): not the browser's fault, so not a 400. */
    static GitHubSignInFailure exchangeFailedAtGitHub() {
        return new GitHubSignInFailure("github_error", 502, "Failed to exchange GitHub code");
    }

    static GitHubSignInFailure userFetchFailed() {
        return new GitHubSignInFailure("github_error", 502, "Failed to fetch GitHub user");
    }

    /** Only for silence and refused or dropped connections: a 5xx from GitHub is an answer (502). */
    static GitHubSignInFailure unavailable() {
        return new GitHubSignInFailure("github_unavailable", 503, "GitHub is not answering; try again later");
    }

    static GitHubSignInFailure alreadyLinked() {
        return new GitHubSignInFailure("github_already_linked", 400,
                "This GitHub account is already linked to another user");
    }

    static GitHubSignInFailure anotherGitHubLinked() {
        return new GitHubSignInFailure("github_already_linked", 400,
                "Another GitHub account is already linked to your account; unlink it first");
    }

    /** Linking needs a recent sign-in, and the session that asked must still be live when GitHub sends it back. */
    static GitHubSignInFailure signInAgainToLink() {
        return new GitHubSignInFailure("sign_in_again", 403, "Sign in again to link GitHub");
    }

    /** The user is banned: browsers come back with {@code ?error=banned}, other clients get the ban message. */
    static GitHubSignInFailure banned(String detail) {
        return new GitHubSignInFailure("banned", 403, detail);
    }

    /** The organization gate's refusal (or GitHub's failure during its check), with its code and detail. */
    static GitHubSignInFailure membership(MembershipRefusal refused) {
        return new GitHubSignInFailure(refused.errorCode(), refused.status(), refused.detail(), refused.audited(),
                refused.ssoUrl());
    }

    /** Where GitHub lets the user authorize the token for the organization's SAML SSO, when it said so. */
    Optional<String> ssoUrl() {
        return Optional.ofNullable(ssoUrl);
    }

    /** Whether the refusal is already in the audit trail where it was decided (a ban, the organization gate). */
    boolean audited() {
        return audited || "banned".equals(errorCode);
    }

    public String errorCode() {
        return errorCode;
    }
}
