package dev.latchkey.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.logging.Logger;

/**
 * Reads and writes users' membership check rows; a node claims a due check by moving its {@code due_at}, so one check
 * runs per user and interval across all nodes.
 */
@ApplicationScoped
public class MembershipRecords {

    private static final Logger LOG = Logger.getLogger(MembershipRecords.class.getName());

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    FirstInserts writer;

    /** The user's last check, if they were ever checked. */
    public Optional<MembershipRecord> find(long userId) {
        return Optional.ofNullable(em.find(MembershipRecord.class, userId));
    }

    /** The last checks of these users, by user id; users never checked are missing. */
    public Map<Long, MembershipRecord> findAll(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT m FROM MembershipRecord m WHERE m.userId IN :ids", MembershipRecord.class)
                .setParameter("ids", userIds)
                .getResultStream()
                .collect(Collectors.toMap(MembershipRecord::userId, Function.identity()));
    }

    /**
     * Claims the user's check when it is due at {@code now}, moving it to {@code until} so no other node takes it;
     * a user never checked gets a row. False when it is not due or another node claimed it first.
     */
    @Transactional
    boolean claim(long userId, Instant now, Instant until) {
        int claimed = em.createQuery("UPDATE MembershipRecord m SET m.dueAt = :until "
                        + "WHERE m.userId = :userId AND m.dueAt <= :now")
                .setParameter("until", until)
                .setParameter("userId", userId)
                .setParameter("now", now)
                .executeUpdate();
        return claimed == 1 || (find(userId).isEmpty() && created(userId, now, until));
    }

    /** The user's row, locked for the caller's transaction; created first when missing. */
    @Transactional(Transactional.TxType.MANDATORY)
    MembershipRecord locked(long userId, Instant now) {
        MembershipRecord row = em.find(MembershipRecord.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            return row;
        }
        created(userId, now, now);
        return em.find(MembershipRecord.class, userId, LockModeType.PESSIMISTIC_WRITE);
    }

    private boolean created(long userId, Instant now, Instant dueAt) {
        try {
            writer.insert(new MembershipRecord(userId, now, dueAt));
            return true;
        } catch (Exception createdMeanwhile) {
            // Checked too: WildFly's interceptor lets the commit's RollbackException through as it is.
            LOG.fine(() -> "A membership row was created meanwhile by another request or node");
            return false;
        }
    }
}
