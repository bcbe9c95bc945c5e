package dev.latchkey.vault;

import dev.latchkey.crypto.TokenCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Writes a stored token again under the current key when it was read in plaintext or under a previous key.
 */
@ApplicationScoped
class GitHubTokenReEncryption {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    TokenCipher cipher;

    /** Compare-and-set on the old value, so a refresh that replaced the token meanwhile is never overwritten. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void reEncrypt(long userId, String storedValue, String plaintext) {
        em.createQuery("UPDATE StoredGitHubToken t SET t.accessToken = :fresh "
                        + "WHERE t.userId = :userId AND t.accessToken = :stored")
                .setParameter("fresh", cipher.encrypt(plaintext))
                .setParameter("userId", userId)
                .setParameter("stored", storedValue)
                .executeUpdate();
    }
}
