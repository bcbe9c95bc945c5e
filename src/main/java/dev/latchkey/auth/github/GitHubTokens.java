package dev.latchkey.auth.github;

import dev.latchkey.crypto.TokenCipher;
import dev.latchkey.crypto.UnreadableTokenException;
import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps each user's GitHub token encrypted at rest and hands it out only where it is needed.
 */
@ApplicationScoped
public class GitHubTokens {

    static final String UNREADABLE = "Session expired — please log out and sign in again";

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    TokenCipher cipher;

    @Transactional(Transactional.TxType.MANDATORY)
    void store(long userId, String token, List<String> scopes) {
        StoredGitHubToken stored = em.find(StoredGitHubToken.class, userId);
        if (stored == null) {
            stored = new StoredGitHubToken(userId);
            em.persist(stored);
        }
        stored.replace(cipher.encrypt(token), String.join(" ", scopes), Instant.now());
    }

    /**
     * The user's token in clear, if one is stored. A value no key can decrypt (the SECRET_KEY changed) is never sent
     * to GitHub: the user is told to sign in again.
     */
    Optional<String> readForUse(long userId) {
        StoredGitHubToken stored = em.find(StoredGitHubToken.class, userId);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(cipher.decrypt(stored.accessToken()).value());
        } catch (UnreadableTokenException e) {
            throw new ApiException(401, UNREADABLE);
        }
    }
}
