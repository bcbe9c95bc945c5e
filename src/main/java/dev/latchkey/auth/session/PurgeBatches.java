package dev.latchkey.auth.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes one batch of purgeable rows per transaction, found through the expiry indexes.
 */
@ApplicationScoped
class PurgeBatches {

    /** The tables the purge empties of rows nobody can use any more. */
    enum Table {
        SESSIONS("DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at < ?1 "
                + "FETCH FIRST ?2 ROWS ONLY)"),
        OAUTH_STATES("DELETE FROM oauth_states WHERE state_hash IN (SELECT state_hash FROM oauth_states "
                + "WHERE expires_at < ?1 FETCH FIRST ?2 ROWS ONLY)");

        private final String sql;

        Table(String sql) {
            this.sql = sql;
        }
    }

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "PURGE_BATCH_SIZE", defaultValue = "1000")
    int batchSize;

    int batchSize() {
        return batchSize;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int deleteBatch(Table table, Instant now) {
        return em.createNativeQuery(table.sql)
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, batchSize)
                .executeUpdate();
    }
}
