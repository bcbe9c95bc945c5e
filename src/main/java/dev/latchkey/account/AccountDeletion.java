package dev.latchkey.account;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.auth.AuthenticatedCaller;
import dev.latchkey.auth.github.GitHubLinks;
import dev.latchkey.auth.password.PasswordLogins;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.user.Users;
import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Deletes a user's account once they confirm it: the user, their sessions and sign-in methods, and their GitHub token.
 */
@ApplicationScoped
class AccountDeletion {

    static final String SIGN_IN_AGAIN = "Please sign in again to confirm deleting your account";

    @Inject
    PasswordLogins passwords;

    @Inject
    Sessions sessions;

    @Inject
    GitHubLinks github;

    @Inject
    Users users;

    @Inject
    AuditTrail audit;

    void delete(AuthenticatedCaller caller, String password) {
        confirm(caller, password);
        // Revoked first, while the token is still stored; GitHub being down does not keep anyone from leaving.
        github.revokeStoredToken(caller.userId());
        users.delete(caller.userId());
        audit.record(AuditType.ACCOUNT_DELETED, caller.userId(), caller.userId(), Map.of("by", "self"));
    }

    /** A user with a password types it; a GitHub-only user must have signed in within the last ten minutes. */
    private void confirm(AuthenticatedCaller caller, String password) {
        if (passwords.hasPassword(caller.userId())) {
            if (password == null || password.isEmpty()) {
                throw new ApiException(400, "Enter your password to confirm deleting your account");
            }
            passwords.confirm(caller.userId(), password);
            return;
        }
        if (!sessions.signedInRecently(caller.sessionId())) {
            throw new ApiException(403, SIGN_IN_AGAIN);
        }
    }
}
