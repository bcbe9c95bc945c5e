package dev.latchkey.admin;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.user.User;
import dev.latchkey.user.UserChanged;
import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What admins do to a user's standing: their role, bans, and ending their sessions. Each change and its audit event
 * commit together.
 */
@ApplicationScoped
class Moderation {

    static final String LAST_ADMIN = "This is the last admin: make someone else an admin first";
    static final int MAX_REASON = 500;

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    Sessions sessions;

    @Inject
    AuditTrail audit;

    @Inject
    Event<UserChanged> changed;

    @Transactional
    User changeRole(long adminId, long userId, String role) {
        if (!Set.of(User.ROLE_USER, User.ROLE_ADMIN).contains(role)) {
            throw new ApiException(400, "role must be \"user\" or \"admin\"");
        }
        List<User> admins = lockedAdmins();
        User user = locked(userId);
        if (role.equals(user.role())) {
            return user;
        }
        if (user.admin()) {
            requireAnotherAdmin(admins, userId);
        }
        String previous = user.role();
        user.changeRole(role, Instant.now());
        changed.fire(new UserChanged(userId));
        audit.recordWithin(AuditType.ROLE_CHANGED, adminId, userId, Map.of("from", previous, "to", role));
        return user;
    }

    /** Bans the user (or changes their ban) and ends all their sessions, also those where they impersonate. */
    @Transactional
    User ban(long adminId, long userId, String reason, Instant expiresAt) {
        Instant now = Instant.now();
        if (adminId == userId) {
            throw new ApiException(400, "You cannot ban yourself");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new ApiException(400, "reason must be at most " + MAX_REASON + " characters");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new ApiException(400, "expires_at must be in the future");
        }
        List<User> admins = lockedAdmins();
        User user = locked(userId);
        if (user.admin()) {
            requireAnotherAdmin(admins, userId);
        }
        user.ban(reason, expiresAt, adminId, now);
        // Ending the sessions makes this server forget its checks of them too: no UserChanged needed.
        int ended = sessions.revokeAllIncludingImpersonations(userId);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", reason);
        detail.put("expires_at", expiresAt == null ? null : expiresAt.toString());
        detail.put("sessions_ended", ended);
        audit.recordWithin(AuditType.USER_BANNED, adminId, userId, detail);
        return user;
    }

    @Transactional
    User unban(long adminId, long userId) {
        User user = locked(userId);
        if (user.banAt(Instant.now()).isPresent()) {
            audit.recordWithin(AuditType.USER_UNBANNED, adminId, userId, Map.of());
        }
        user.unban(Instant.now());
        changed.fire(new UserChanged(userId));
        return user;
    }

    @Transactional
    int endSessions(long adminId, long userId) {
        int ended = sessions.revokeAll(userId);
        audit.recordWithin(AuditType.SESSION_ENDED, adminId, userId, Map.of("count", ended, "by", "admin"));
        return ended;
    }

    /** Deleting an admin must leave another; checked under the same lock as demotions and bans. */
    @Transactional
    void requireDeletable(long adminId, long userId) {
        if (adminId == userId) {
            throw new ApiException(400, "You cannot delete your own account here: use DELETE /auth/account");
        }
        List<User> admins = lockedAdmins();
        if (locked(userId).admin()) {
            requireAnotherAdmin(admins, userId);
        }
    }

    /** Deletes the user; the database deletes their sessions, tokens, credentials and pending authorizations. */
    @Transactional
    void delete(long adminId, long userId) {
        requireDeletable(adminId, userId);
        em.createQuery("DELETE FROM User u WHERE u.id = :id").setParameter("id", userId).executeUpdate();
        changed.fire(new UserChanged(userId));
        audit.recordWithin(AuditType.ACCOUNT_DELETED, adminId, userId, Map.of("by", "admin"));
    }

    private User locked(long userId) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new ApiException(404, AdminUsers.NOT_FOUND);
        }
        return user;
    }

    /**
     * Every admin row, locked (always first, and in id order), so two admins demoting or banning each other at once
     * cannot both succeed and leave no admin.
     */
    private List<User> lockedAdmins() {
        return em.createQuery("SELECT u FROM User u WHERE u.role = :admin ORDER BY u.id", User.class)
                .setParameter("admin", User.ROLE_ADMIN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    private static void requireAnotherAdmin(List<User> admins, long leavingUserId) {
        Instant now = Instant.now();
        if (admins.stream().noneMatch(admin -> admin.id() != leavingUserId && admin.banAt(now).isEmpty())) {
            throw new ApiException(409, LAST_ADMIN);
        }
    }
}
