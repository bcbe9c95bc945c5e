package dev.latchkey.auth.password;

import dev.latchkey.auth.session.Sessions;
import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds and stores password credentials; a new one is created together with its user.
 */
@ApplicationScoped
public class PasswordCredentials {

    @Inject
    Sessions sessions;

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    Users users;

    /**
     * In a transaction even for this one read: on Payara a pool thread (the hashing pool) shares the invocation of
     * the request that created it, and so the non-transactional EntityManager that request's end closes.
     */
    @Transactional
    public Optional<PasswordCredential> find(long userId) {
        return Optional.ofNullable(em.find(PasswordCredential.class, userId));
    }

    Optional<PasswordCredential> findByEmail(String normalizedEmail) {
        return em.createQuery("SELECT c FROM PasswordCredential c WHERE c.emailNormalized = :email",
                        PasswordCredential.class)
                .setParameter("email", normalizedEmail)
                .getResultStream()
                .findFirst();
    }

    /** The user and their credential, both or neither; the unique email index refuses a second one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    User register(String email, String normalizedEmail, String name, String passwordHash) {
        Instant now = Instant.now();
        User user = users.create(User.withEmail(email, name, now));
        em.persist(new PasswordCredential(user.id(), normalizedEmail, passwordHash, now));
        em.flush();
        return user;
    }

    /** Replaces the hash only if it is still {@code oldHash}, so a rehash never undoes a simultaneous change. */
    @Transactional
    void rehash(long userId, String oldHash, String newHash) {
        em.createQuery("UPDATE PasswordCredential c SET c.passwordHash = :newHash, c.updatedAt = :now "
                        + "WHERE c.userId = :userId AND c.passwordHash = :oldHash")
                .setParameter("newHash", newHash)
                .setParameter("now", Instant.now())
                .setParameter("userId", userId)
                .setParameter("oldHash", oldHash)
                .executeUpdate();
    }

    /** Sets a new hash and ends every session of the user but the one that changed it. */
    @Transactional
    void change(long userId, String newHash, String keptSessionId) {
        Instant now = Instant.now();
        em.createQuery("UPDATE PasswordCredential c SET c.passwordHash = :newHash, c.updatedAt = :now "
                        + "WHERE c.userId = :userId")
                .setParameter("newHash", newHash)
                .setParameter("now", now)
                .setParameter("userId", userId)
                .executeUpdate();
        sessions.revokeAllExcept(userId, keptSessionId);
    }
}
