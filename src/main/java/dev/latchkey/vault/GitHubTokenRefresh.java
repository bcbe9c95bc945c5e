package dev.latchkey.vault;

import dev.latchkey.crypto.TokenCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import dev.latchkey.github.GitHubClient;
import dev.latchkey.github.GitHubGrant;
import dev.latchkey.github.RefreshTokenRefusedException;

/**
 * Refreshes one user's expiring GitHub token under a lock on its row, so that simultaneous needs refresh it once.
 *
 * <p>GitHub kills a refresh token when it is used: a second, simultaneous refresh with the same one would be
 * refused and would lose the user's authorization. So the row stays locked, in a transaction of its own, from
 * reading the refresh token until the new grant is written, and whoever waited for the lock finds the new token,
 * fresh and so used as it is, whatever lifetime GitHub granted it.
 */
@ApplicationScoped
class GitHubTokenRefresh {

    private static final Logger LOG = Logger.getLogger(GitHubTokenRefresh.class.getName());

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    TokenCipher cipher;

    @Inject
    GitHubClient github;

    /**
     * The stored token once it is usable: as found if another request refreshed it meanwhile (or it still has
     * a few minutes and no refresh token), else refreshed. Empty when it is gone: deleted meanwhile, expired with
     * nothing to refresh it, or its refresh refused by GitHub, in which case it is deleted.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<StoredGitHubToken> refresh(long userId) {
        StoredGitHubToken stored = em.find(StoredGitHubToken.class, userId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        if (stored == null || !stored.needsRefreshAt(now)) {
            return Optional.ofNullable(stored);
        }
        if (!stored.refreshableAt(now)) {
            return stored.expiredAt(now) ? delete(stored, "expired with no live refresh token") : Optional.of(stored);
        }
        GitHubGrant grant;
        try {
            grant = github.refreshGrant(cipher.decrypt(stored.refreshToken()).value());
        } catch (RefreshTokenRefusedException e) {
            return delete(stored, "refresh token refused by GitHub");
        }
        stored.replaceToken(grant, cipher, Instant.now());
        return Optional.of(stored);
    }

    private Optional<StoredGitHubToken> delete(StoredGitHubToken stored, String why) {
        LOG.info(() -> "Deleted a stored GitHub token (" + why + "); its user has to sign in with GitHub again");
        em.remove(stored);
        return Optional.empty();
    }
}
