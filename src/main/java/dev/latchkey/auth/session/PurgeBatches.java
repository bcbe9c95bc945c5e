package dev.latchkey.auth.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes one batch of purgeable rows per transaction: their keys are found through the expiry index, then the rows
 * are deleted by primary key (a {@code DELETE ... IN (SELECT ... FETCH FIRST n)} scans the whole table on H2).
 */
@ApplicationScoped
class PurgeBatches {

    /** The tables the purge empties of rows nobody can use any more. */
    enum Table {
        SESSIONS("sessions", "id"),
        OAUTH_STATES("oauth_states", "state_hash"),
        WEBHOOK_DELIVERIES("webhook_deliveries", "delivery_id"),
        RATE_LIMIT_WINDOWS("rate_limit_windows", "bucket");

        private final String name;
        private final String key;

        Table(String name, String key) {
            this.name = name;
            this.key = key;
        }
    }

    /** The advisory lock key of the purge: any number no other code of the database's users takes. */
    static final long ADVISORY_LOCK = 0x4c4b505552474531L;

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "PURGE_BATCH_SIZE", defaultValue = "1000")
    int batchSize;

    @Inject
    @ConfigProperty(name = "DATABASE_URL")
    String databaseUrl;

    int batchSize() {
        return batchSize;
    }

    /**
     * Deletes one batch of the table's ended rows; -1 when another node is purging (on PostgreSQL, whose advisory
     * lock is held for the batch's transaction only, so a node dying mid-batch frees it; H2 serves one node only).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int deleteBatch(Table table, Instant now) {
        if (databaseUrl.startsWith("jdbc:postgresql:") && !Boolean.TRUE.equals(em.createNativeQuery(
                "SELECT pg_try_advisory_xact_lock(" + ADVISORY_LOCK + ")").getSingleResult())) {
            return -1;
        }
        @SuppressWarnings("unchecked")
        List<Object> keys = em.createNativeQuery("SELECT " + table.key + " FROM " + table.name
                        + " WHERE expires_at < ?1 ORDER BY expires_at FETCH FIRST " + batchSize + " ROWS ONLY")
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .getResultList();
        if (keys.isEmpty()) {
            return 0;
        }
        String placeholders = String.join(",", java.util.Collections.nCopies(keys.size(), "?"));
        // Expiry is checked again: a rate-limit window may have been started afresh on its row meanwhile.
        var delete = em.createNativeQuery("DELETE FROM " + table.name + " WHERE " + table.key
                + " IN (" + placeholders + ") AND expires_at < ?");
        for (int i = 0; i < keys.size(); i++) {
            delete.setParameter(i + 1, keys.get(i));
        }
        delete.setParameter(keys.size() + 1, now.atOffset(ZoneOffset.UTC));
        return delete.executeUpdate();
    }
}
