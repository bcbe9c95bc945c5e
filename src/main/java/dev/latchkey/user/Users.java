package dev.latchkey.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds, records and deletes users.
 */
@ApplicationScoped
public class Users {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    Event<UserChanged> changed;

    public Optional<User> find(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    public Optional<User> findByGitHubId(long githubId) {
        return em.createQuery("SELECT u FROM User u WHERE u.githubId = :githubId", User.class)
                .setParameter("githubId", githubId)
                .getResultStream()
                .findFirst();
    }

    /** Whether the user registered with an email and password: that email, not GitHub's, is then the account's. */
    public boolean hasPassword(long userId) {
        return em.createQuery("SELECT COUNT(c) FROM PasswordCredential c WHERE c.userId = :id", Long.class)
                .setParameter("id", userId)
                .getSingleResult() > 0;
    }

    /** Adds a new user in the caller's transaction, flushed so a broken constraint surfaces here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public User create(User user) {
        em.persist(user);
        em.flush();
        return user;
    }

    /** Deletes the user; the database deletes their sessions, tokens, credentials and pending authorizations. */
    @Transactional
    public void delete(long id) {
        em.createQuery("DELETE FROM User u WHERE u.id = :id").setParameter("id", id).executeUpdate();
        changed.fire(new UserChanged(id));
    }

    /** Creates the user for this GitHub account, or refreshes the profile of the one that exists. */
    @Transactional(Transactional.TxType.MANDATORY)
    public User upsertFromGitHub(GitHubIdentity identity) {
        Instant now = Instant.now();
        Optional<User> existing = findByGitHubId(identity.githubId());
        if (existing.isPresent()) {
            existing.get().updateFrom(identity, !hasPassword(existing.get().id()), now);
            changed.fire(new UserChanged(existing.get().id()));
            return existing.get();
        }
        User created = User.fromGitHub(identity, now);
        em.persist(created);
        em.flush();
        return created;
    }
}
