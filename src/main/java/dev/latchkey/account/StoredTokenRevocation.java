package dev.latchkey.account;

import dev.latchkey.auth.github.GitHubLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/**
 * Revokes a leaving user's stored GitHub token at GitHub from a pool thread; a failure never keeps anyone from leaving.
 */
@ApplicationScoped
class StoredTokenRevocation {

    private static final Logger LOG = Logger.getLogger(StoredTokenRevocation.class.getName());

    @Inject
    GitHubLinks github;

    @Inject
    StoredTokenRevocation self;

    void revoke(long userId) {
        try {
            self.inTransaction(userId);
        } catch (Exception failed) {
            // Checked too: a failed commit can leave the interceptor as a checked RollbackException (WildFly).
            LOG.warning(() -> "The stored GitHub token was not revoked at GitHub: " + failed.getClass().getSimpleName());
        }
    }

    /**
     * In a transaction of its own (public: Payara applies {@code @Transactional} to public methods only). A pool
     * thread shares the invocation of the request that created it (Payara's ComponentInvocation.clone keeps its
     * registry), so its reads outside a transaction may use an EntityManager closed when that request ended. Held
     * while GitHub answers, at most GITHUB_TIMEOUT_SECONDS.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void inTransaction(long userId) {
        github.revokeStoredToken(userId);
    }
}
