package dev.latchkey.account;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.caller.AuthenticatedCaller;
import dev.latchkey.auth.github.GitHubSignInPool;
import dev.latchkey.auth.password.HashingPool;
import dev.latchkey.auth.password.PasswordConfirmations;
import dev.latchkey.auth.password.PasswordLogins;
import dev.latchkey.auth.session.ClientDevice;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.user.Users;
import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Deletes a user's account once they confirm it: the user, their sessions and sign-in methods, and their GitHub token.
 *
 * <p>Neither step runs on a request thread: a password is checked on the hashing pool, and GitHub is asked to revoke
 * the token on the pool of threads that wait on GitHub.
 */
@ApplicationScoped
class AccountDeletion {

    static final String SIGN_IN_AGAIN = "Please sign in again to confirm deleting your account";

    @Inject
    PasswordLogins passwords;

    @Inject
    PasswordConfirmations confirmations;

    @Inject
    HashingPool hashing;

    @Inject
    GitHubSignInPool githubPool;

    @Inject
    Sessions sessions;

    @Inject
    StoredTokenRevocation revocation;

    @Inject
    Users users;

    @Inject
    AuditTrail audit;

    /** Completes once the account is gone, or fails with why it was not deleted. */
    CompletableFuture<Void> delete(AuthenticatedCaller caller, String password, ClientDevice client) {
        return confirm(caller, password, client).thenCompose(confirmed -> githubPool.submit(client, () -> {
            // Revoked first, while the token is still stored; GitHub being down does not keep anyone from leaving.
            revocation.revoke(caller.userId());
            users.delete(caller.userId());
            audit.record(AuditType.ACCOUNT_DELETED, caller.userId(), caller.userId(), Map.of("by", "self"));
            return null;
        }));
    }

    /** A user with a password types it; a GitHub-only user must have signed in within the last ten minutes. */
    private CompletableFuture<Void> confirm(AuthenticatedCaller caller, String password, ClientDevice client) {
        if (passwords.hasPassword(caller.userId())) {
            if (password == null || password.isEmpty()) {
                throw new ApiException(400, "Enter your password to confirm deleting your account");
            }
            return hashing.submit(client, () -> {
                confirmations.confirm(caller.userId(), password, PasswordConfirmations.Purpose.DELETE_ACCOUNT);
                return null;
            });
        }
        if (!sessions.signedInRecently(caller.sessionId())) {
            throw new ApiException(403, SIGN_IN_AGAIN);
        }
        return CompletableFuture.completedFuture(null);
    }
}
