package dev.latchkey.vault;

import dev.latchkey.caller.Caller;
import dev.latchkey.caller.NotWhileImpersonating;
import dev.latchkey.crypto.StoredToken;
import dev.latchkey.crypto.TokenCipher;
import dev.latchkey.crypto.UnreadableTokenException;
import dev.latchkey.github.GitHubGrant;
import dev.latchkey.github.GitHubRefusedException;
import dev.latchkey.github.GitHubUnavailableException;
import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Keeps each user's GitHub token encrypted at rest and hands it out, refreshed when it is about to expire, only
 * where it is needed.
 */
@ApplicationScoped
public class GitHubTokens {

    static final String UNREADABLE = "Session expired — please log out and sign in again";
    static final String NOT_LINKED = "No GitHub account is linked to this user";

    private static final Logger LOG = Logger.getLogger(GitHubTokens.class.getName());

    /** Lock waits that may time out (H2 gives up after 2 s) while another request's refresh is under way. */
    private static final int LOCK_ATTEMPTS = 3;

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    GitHubTokenReEncryption reEncryption;

    @Inject
    TokenCipher cipher;

    @Inject
    GitHubTokenRefresh refresh;

    @Inject
    Users users;

    @Inject
    Caller caller;

    /** Stores a new grant and the scopes GitHub reported for it, replacing whatever the user had. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(long userId, GitHubGrant grant, List<String> scopes) {
        StoredGitHubToken stored = em.find(StoredGitHubToken.class, userId);
        boolean first = stored == null;
        if (first) {
            stored = new StoredGitHubToken(userId);
        }
        stored.replaceToken(grant, cipher, Instant.now());
        stored.replaceScopes(String.join(" ", scopes));
        if (first) {
            // Only once its NOT NULL columns are set: Hibernate takes the INSERT's values at persist().
            em.persist(stored);
        }
    }

    /**
     * The user's token, if one is stored, refreshed first when it expires within five minutes (or within the last
     * half of a lifetime shorter than ten minutes: a fresh token is used as it is). A value no key can
     * decrypt (the SECRET_KEY changed) is never sent to GitHub: 401, sign in again. A refresh GitHub refuses deletes
     * the stored token: 401, sign in with GitHub again. GitHub silent during a refresh: 503. While an admin
     * impersonates the user: 403, before anything is read.
     */
    public Optional<GitHubAccess> current(long userId) {
        // Whichever route asks (Latchkey's or the host application's), an admin acting as a user never gets
        // the user's GitHub token: GitHub would take what they do for the user's own doing.
        if (caller.impersonating()) {
            throw new ApiException(403, NotWhileImpersonating.REFUSAL);
        }
        return stored(userId);
    }

    private Optional<GitHubAccess> stored(long userId) {
        StoredGitHubToken stored = em.find(StoredGitHubToken.class, userId);
        if (stored == null) {
            return Optional.empty();
        }
        if (stored.needsRefreshAt(Instant.now())) {
            stored = refreshed(userId);
        }
        return Optional.of(access(stored));
    }

    /** As {@link #current}; without a token, 401 for a GitHub user (it was cleared), 404 for anyone else. */
    public GitHubAccess required(long userId) {
        return current(userId).orElseThrow(() -> users.find(userId).map(User::githubId).isPresent()
                ? new GitHubAuthorizationExpiredException()
                : new ApiException(404, NOT_LINKED));
    }

    /**
     * Calls GitHub with the user's token ({@link #required}). When GitHub answers 401 because another request (on
     * this server or another) refreshed the token while this one was sending it, GitHub killed the old one: the call
     * is made once more with the new token. Any other refusal, or a 401 for the token still stored, is the caller's.
     */
    public <T> T callWith(long userId, Function<GitHubAccess, T> call) {
        GitHubAccess sent = required(userId);
        try {
            return call.apply(sent);
        } catch (GitHubRefusedException refused) {
            if (refused.status() != 401) {
                throw refused;
            }
            GitHubAccess now = required(userId);
            if (now.token().equals(sent.token())) {
                throw refused;
            }
            return call.apply(now);
        }
    }

    /** Forgets the user's stored token (GitHub revoked it), in the caller's transaction; true if there was one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(long userId) {
        return em.createQuery("DELETE FROM StoredGitHubToken t WHERE t.userId = :userId")
                .setParameter("userId", userId)
                .executeUpdate() > 0;
    }

    /**
     * The token in clear, as {@link #current} hands it out, for revoking it at GitHub (reconnecting, unlinking,
     * leaving: routes an impersonating admin cannot reach, some run on a pool thread outside the request).
     */
    public Optional<String> readForUse(long userId) {
        return stored(userId).map(GitHubAccess::token);
    }

    private StoredGitHubToken refreshed(long userId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return refresh.refresh(userId).orElseThrow(GitHubAuthorizationExpiredException::new);
            } catch (GitHubUnavailableException e) {
                LOG.warning(() -> "GitHub did not answer a token refresh: " + e.getMessage());
                throw new GitHubNotAnsweringException();
            } catch (GitHubRefusedException e) {
                LOG.warning(() -> "GitHub refused a token refresh: " + e.getMessage());
                throw new ApiException(502, "Failed to refresh the GitHub token");
            } catch (UnreadableTokenException e) {
                throw new ApiException(401, UNREADABLE);
            } catch (PessimisticLockException | LockTimeoutException | QueryTimeoutException lockWaitTimedOut) {
                // The row stays locked only while another request's refresh waits for GitHub: try again, and when
                // that keeps taking this long, GitHub is too slow to answer. (Hibernate reports the lock wait cut
                // short by the statement timeout, DATABASE_TIMEOUT_SECONDS, as a query timeout.)
                if (attempt == LOCK_ATTEMPTS) {
                    LOG.warning("Gave up waiting for another request's refresh of a GitHub token");
                    throw new GitHubNotAnsweringException();
                }
            }
        }
    }

    private GitHubAccess access(StoredGitHubToken stored) {
        StoredToken read;
        try {
            read = cipher.decrypt(stored.accessToken());
        } catch (UnreadableTokenException e) {
            throw new ApiException(401, UNREADABLE);
        }
        if (read.needsReEncryption()) {
            // Key rotation (and plaintext left by older systems): the current key takes over on first use.
            reEncryption.reEncrypt(stored.userId(), stored.accessToken(), read.value());
        }
        return GitHubAccess.of(read.value(), stored.scopes());
    }
}
