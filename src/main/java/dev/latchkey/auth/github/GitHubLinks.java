package dev.latchkey.auth.github;

import dev.latchkey.auth.session.Sessions;
import dev.latchkey.user.GitHubIdentity;
import dev.latchkey.user.User;
import dev.latchkey.user.UserChanged;
import dev.latchkey.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import dev.latchkey.github.GitHubClient;
import dev.latchkey.github.GitHubSettings;
import dev.latchkey.vault.GitHubTokens;
import dev.latchkey.vault.StoredGitHubToken;

/**
 * A user's link to GitHub: attaching a GitHub identity to an existing account (with the session that asked for it),
 * describing it, and removing it.
 */
@ApplicationScoped
public class GitHubLinks {

    private static final Logger LOG = Logger.getLogger(GitHubLinks.class.getName());

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    Users users;

    @Inject
    GitHubTokens tokens;

    @Inject
    GitHubClient github;

    @Inject
    GitHubSettings settings;

    @Inject
    Event<UserChanged> changed;

    @Inject
    Sessions sessions;

    /**
     * The GitHub account linked to a user: its login, the address GitHub verified for it (null when GitHub showed
     * none) and the scopes GitHub reported for the stored token.
     */
    public record LinkedGitHub(String login, String email, List<String> scopes) {
    }

    /**
     * Attaches the GitHub identity to the user's account, unless it belongs to another user or the account already
     * has another one. Of simultaneous claims on one GitHub account, the unique index lets one commit.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void attach(long userId, GitHubIdentity identity) {
        if (ownedByAnother(userId, identity.githubId())) {
            throw GitHubSignInFailure.alreadyLinked();
        }
        // The user can be gone only if they deleted their account meanwhile: their authorization went with it.
        User user = users.find(userId).orElseThrow(GitHubSignInFailure::invalidState);
        if (user.hasGitHub() && user.githubId() != identity.githubId()) {
            throw GitHubSignInFailure.anotherGitHubLinked();
        }
        user.linkGitHub(identity, Instant.now());
        changed.fire(new UserChanged(userId));
    }

    /** Whether the session that asked to link is still live (a link started before V9 recorded none: no). */
    boolean askedByLiveSession(OAuthStates.Linking linking) {
        return linking.sessionId() != null && sessions.findLive(linking.sessionId(), Instant.now())
                .filter(session -> session.userId() == linking.userId()).isPresent();
    }

    /** The session that asked to link ends as the link's new session begins, so the browser keeps only one. */
    void endAskingSession(OAuthStates.Linking linking) {
        sessions.revoke(linking.sessionId());
    }

    boolean ownedByAnother(long userId, long githubId) {
        return users.findByGitHubId(githubId).filter(owner -> owner.id() != userId).isPresent();
    }

    public Optional<LinkedGitHub> describe(User user) {
        if (!user.hasGitHub()) {
            return Optional.empty();
        }
        StoredGitHubToken stored = em.find(StoredGitHubToken.class, user.id());
        List<String> scopes = stored == null || stored.scopes().isBlank() ? List.of()
                : Arrays.stream(stored.scopes().split(" ")).filter(scope -> !scope.isEmpty()).toList();
        return Optional.of(new LinkedGitHub(user.githubLogin(), user.githubEmail(), scopes));
    }

    /** Revokes the user's stored token at GitHub; a failure is logged and the caller goes on. */
    public void revokeStoredToken(long userId) {
        Optional<String> token;
        try {
            token = tokens.readForUse(userId);
        } catch (RuntimeException unusable) {
            // Undecryptable, or its refresh failed: nothing to send GitHub, and leaving or unlinking goes on.
            LOG.warning("The stored GitHub token could not be read; it was not sent to GitHub for revocation");
            return;
        }
        if (token.isEmpty()) {
            return;
        }
        if (!settings.configured()) {
            LOG.warning("GitHub is not configured: a stored GitHub token could not be revoked at GitHub");
            return;
        }
        try {
            github.revokeToken(token.get());
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not revoke a GitHub token at GitHub (continuing): " + e.getMessage());
        }
    }

    /** Removes the GitHub identity and the stored token from the user's account. */
    @Transactional
    public void unlink(long userId) {
        users.find(userId).ifPresent(user -> user.unlinkGitHub(Instant.now()));
        changed.fire(new UserChanged(userId));
        StoredGitHubToken stored = em.find(StoredGitHubToken.class, userId);
        if (stored != null) {
            em.remove(stored);
        }
    }
}
