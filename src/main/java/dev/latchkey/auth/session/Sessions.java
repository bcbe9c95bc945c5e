package dev.latchkey.auth.session;

import dev.latchkey.crypto.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts, finds and ends sessions.
 */
@ApplicationScoped
public class Sessions {

    static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);

    /** How recent a sign-in must be to stand in for typing a password: leaving without one, linking GitHub. */
    public static final Duration RECENT_SIGN_IN = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "ACCESS_TOKEN_EXPIRE_MINUTES", defaultValue = "1440")
    long lifetimeMinutes;

    @Inject
    Event<SessionsEnded> ended;

    /** Always a new row with a new random id, so no session id can be fixed in advance. */
    @Transactional
    public Session start(long userId, ClientDevice device) {
        Instant now = Instant.now();
        Session session = new Session(RandomTokens.urlSafe(32), userId, now,
                now.plus(Duration.ofMinutes(lifetimeMinutes)), device.ipAddress(), device.userAgent(), null);
        em.persist(session);
        return session;
    }

    /** A session of {@code userId} in which the admin {@code impersonatorId} acts, for at most {@code lifetime}. */
    @Transactional
    public Session startImpersonation(long userId, long impersonatorId, ClientDevice device, Duration lifetime) {
        Instant now = Instant.now();
        Duration capped = lifetime.compareTo(Duration.ofMinutes(lifetimeMinutes)) < 0
                ? lifetime : Duration.ofMinutes(lifetimeMinutes);
        Session session = new Session(RandomTokens.urlSafe(32), userId, now, now.plus(capped), device.ipAddress(),
                device.userAgent(), impersonatorId);
        em.persist(session);
        return session;
    }

    public Optional<Session> findLive(String id, Instant now) {
        return find(id).filter(session -> session.liveAt(now));
    }

    /** The session row, live or ended, until the purge removes it. */
    public Optional<Session> find(String id) {
        return Optional.ofNullable(em.find(Session.class, id));
    }

    /** Whether this session is live and was started by a sign-in within the last {@link #RECENT_SIGN_IN}. */
    public boolean signedInRecently(String id) {
        Instant now = Instant.now();
        return findLive(id, now).filter(session -> session.createdAt().isAfter(now.minus(RECENT_SIGN_IN))).isPresent();
    }

    /** Ends one session; its expiry moves to now too, so the purge (which follows the expiry index) removes it. */
    @Transactional
    public void revoke(String id) {
        end("s.id = :id", "id", id);
        ended.fire(SessionsEnded.one(id));
    }

    /** Ends one of this user's sessions; false when no live session of theirs has that id. */
    @Transactional
    public boolean revokeOwn(long userId, String id) {
        Instant now = Instant.now();
        ended.fire(SessionsEnded.one(id));
        return em.createQuery("UPDATE Session s SET s.revokedAt = :now, s.expiresAt = :now "
                        + "WHERE s.id = :id AND s.userId = :userId AND s.revokedAt IS NULL AND s.expiresAt > :now")
                .setParameter("now", now)
                .setParameter("id", id)
                .setParameter("userId", userId)
                .executeUpdate() == 1;
    }

    /** Ends every session of the user but the one kept (the caller's own). */
    @Transactional(Transactional.TxType.REQUIRED)
    public int revokeAllExcept(long userId, String keptSessionId) {
        Instant now = Instant.now();
        ended.fire(SessionsEnded.allOf(userId));
        return em.createQuery("UPDATE Session s SET s.revokedAt = :now, s.expiresAt = :now "
                        + "WHERE s.userId = :userId AND s.id <> :kept AND s.revokedAt IS NULL")
                .setParameter("now", now)
                .setParameter("userId", userId)
                .setParameter("kept", keptSessionId)
                .executeUpdate();
    }

    /** Ends every session of the user. */
    @Transactional(Transactional.TxType.REQUIRED)
    public int revokeAll(long userId) {
        ended.fire(SessionsEnded.allOf(userId));
        return end("s.userId = :userId", "userId", userId);
    }

    /**
     * Ends every session of the user, and every session in which they act as someone else, and says why to whoever
     * presents one of their tokens from now on.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public int revokeAll(long userId, SessionEndReason reason) {
        ended.fire(SessionsEnded.allOf(userId));
        return em.createQuery("UPDATE Session s SET s.revokedAt = :now, s.expiresAt = :now, s.endReason = :reason "
                        + "WHERE (s.userId = :userId OR s.impersonatorId = :userId) AND s.revokedAt IS NULL")
                .setParameter("now", Instant.now())
                .setParameter("reason", reason.code())
                .setParameter("userId", userId)
                .executeUpdate();
    }

    /** Ends every session of the user, and every session in which they impersonate someone. */
    @Transactional(Transactional.TxType.REQUIRED)
    public int revokeAllIncludingImpersonations(long userId) {
        return revokeAll(userId) + end("s.impersonatorId = :userId", "userId", userId);
    }

    /** The user's live sessions, newest first. */
    public List<Session> liveSessionsOf(long userId, Instant now) {
        return em.createQuery("SELECT s FROM Session s WHERE s.userId = :userId AND s.revokedAt IS NULL "
                        + "AND s.expiresAt > :now ORDER BY s.createdAt DESC", Session.class)
                .setParameter("userId", userId)
                .setParameter("now", now)
                .getResultList();
    }

    /** Records activity at most once a minute per session, so checks stay reads almost always. */
    @Transactional
    public void touch(String id, Instant now) {
        em.createQuery("UPDATE Session s SET s.lastSeenAt = :now WHERE s.id = :id AND s.lastSeenAt < :minuteAgo")
                .setParameter("now", now)
                .setParameter("id", id)
                .setParameter("minuteAgo", now.minus(LAST_SEEN_RESOLUTION))
                .executeUpdate();
    }

    private int end(String condition, String name, Object value) {
        Instant now = Instant.now();
        return em.createQuery("UPDATE Session s SET s.revokedAt = :now, s.expiresAt = :now WHERE " + condition
                        + " AND s.revokedAt IS NULL")
                .setParameter("now", now)
                .setParameter(name, value)
                .executeUpdate();
    }
}
