package dev.latchkey.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * The bindings of listed admin logins to GitHub accounts, kept in the database so every node and restart agrees.
 */
@ApplicationScoped
class AdminGitHubLogins {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    /** The GitHub id the (lower-cased) login is bound to, if any account presented it yet. */
    Optional<Long> holder(String login) {
        return em.createQuery("SELECT b.githubId FROM AdminGitHubLogin b WHERE b.login = :login", Long.class)
                .setParameter("login", login)
                .getResultStream()
                .findFirst();
    }

    /** Binds the login in a transaction of its own; of simultaneous first bindings the primary key lets one commit. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void bind(String login, long githubId) {
        em.persist(new AdminGitHubLogin(login, githubId, Instant.now()));
        em.flush();
    }
}
