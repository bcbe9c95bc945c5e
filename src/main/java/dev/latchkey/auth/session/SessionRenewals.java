package dev.latchkey.auth.session;

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
 * Slides an active session's expiry forward, never past its absolute limit from sign-in.
 */
@ApplicationScoped
public class SessionRenewals {

    /** The longest an admin may act as another user in one impersonation session. */
    public static final Duration IMPERSONATION_LIMIT = Duration.ofHours(1);

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    SessionTokens tokens;

    @Inject
    SessionCookie cookie;

    @Inject
    @ConfigProperty(name = "SESSION_REFRESH_THRESHOLD_MINUTES", defaultValue = "60")
    long thresholdMinutes;

    @Inject
    @ConfigProperty(name = "SESSION_MAX_LIFETIME_DAYS", defaultValue = "30")
    long maxLifetimeDays;

    @Inject
    @ConfigProperty(name = "ACCESS_TOKEN_EXPIRE_MINUTES", defaultValue = "1440")
    long lifetimeMinutes;

    /** A renewed token and the Set-Cookie header carrying it. */
    public record Renewed(String token, String setCookie) {
    }

    /** Close to expiry, or signed under a previous key (rotation re-signs every token on its next use). */
    public boolean due(SessionClaims claims, Instant now) {
        return claims.signedWithPreviousKey() || Duration.between(now, claims.expiresAt()).compareTo(Duration.ofMinutes(thresholdMinutes)) < 0;
    }

    /**
     * Extends the row and issues a token for it. Simultaneous renewals of one session each get a valid token: the row
     * keeps the latest expiry and every token issued expires no later than it.
     */
    @Transactional
    public Optional<Renewed> renew(Session session, SessionClaims claims, Instant now) {
        // An impersonation never outlives the hour it was started for.
        Instant cap = session.impersonatorId() != null ? session.createdAt().plus(IMPERSONATION_LIMIT)
                : session.createdAt().plus(Duration.ofDays(maxLifetimeDays));
        Instant target = min(now.plus(Duration.ofMinutes(lifetimeMinutes)), cap);
        em.createQuery("UPDATE Session s SET s.expiresAt = :target "
                        + "WHERE s.id = :id AND s.revokedAt IS NULL AND s.expiresAt < :target")
                .setParameter("target", target)
                .setParameter("id", session.id())
                .executeUpdate();
        Optional<Instant> expiry = em.createQuery("SELECT s.expiresAt FROM Session s "
                        + "WHERE s.id = :id AND s.revokedAt IS NULL", Instant.class)
                .setParameter("id", session.id())
                .getResultStream().findFirst()
                .map(stored -> min(stored, target));
        return expiry.filter(until -> until.isAfter(claims.expiresAt()) || claims.signedWithPreviousKey()).map(until -> {
            String token = tokens.issue(claims.userId(), claims.sessionId(), claims.impersonatorId(), until);
            return new Renewed(token, cookie.set(token, Duration.between(now, until).toSeconds()));
        });
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
