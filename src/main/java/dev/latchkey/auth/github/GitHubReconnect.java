package dev.latchkey.auth.github;

import dev.latchkey.caller.AuthenticatedCaller;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import dev.latchkey.github.GitHubClient;
import dev.latchkey.github.GitHubSettings;
import dev.latchkey.vault.GitHubTokens;

/**
 * Ends the current GitHub grant and session before a fresh authorization, so the user can grant more access.
 */
@ApplicationScoped
class GitHubReconnect {

    private static final Logger LOG = Logger.getLogger(GitHubReconnect.class.getName());

    @Inject
    GitHubSettings settings;

    @Inject
    GitHubTokens tokens;

    @Inject
    GitHubClient github;

    @Inject
    Sessions sessions;

    void endCurrentGrant(AuthenticatedCaller caller) {
        settings.requireConfigured();
        revokeStoredGrant(caller.userId());
        sessions.revoke(caller.sessionId());
    }

    private void revokeStoredGrant(long userId) {
        Optional<String> token;
        try {
            token = tokens.readForUse(userId);
        } catch (ApiException unreadable) {
            LOG.warning("The stored GitHub token cannot be decrypted; it was not sent to GitHub for revocation");
            return;
        }
        if (token.isEmpty()) {
            return;
        }
        try {
            github.revokeGrant(token.get());
        } catch (RuntimeException e) {
            // Reconnecting must still work when GitHub cannot revoke: the new authorization replaces the token.
            LOG.warning(() -> "Could not revoke the GitHub grant (continuing): " + e.getMessage());
        }
    }
}
