package dev.latchkey.auth.session;

import dev.latchkey.crypto.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts, finds and ends sessions.
 */
@ApplicationScoped
public class Sessions {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "ACCESS_TOKEN_EXPIRE_MINUTES", defaultValue = "1440")
    long lifetimeMinutes;

    /** Always a new row with a new random id, so no session id can be fixed in advance. */
    @Transactional
    public Session start(long userId, ClientDevice device) {
        Instant now = Instant.now();
        Session session = new Session(RandomTokens.urlSafe(32), userId, now,
                now.plus(Duration.ofMinutes(lifetimeMinutes)), device.ipAddress(), device.userAgent());
        em.persist(session);
        return session;
    }

    public Optional<Session> findLive(String id, Instant now) {
        return Optional.ofNullable(em.find(Session.class, id)).filter(session -> session.liveAt(now));
    }

    @Transactional
    public void revoke(String id) {
        em.createQuery("UPDATE Session s SET s.revokedAt = :now WHERE s.id = :id AND s.revokedAt IS NULL")
                .setParameter("now", Instant.now())
                .setParameter("id", id)
                .executeUpdate();
    }
}
