package dev.latchkey.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Writes one audit event in a transaction of its own, committed whatever becomes of the caller's.
 */
@ApplicationScoped
class AuditWriter {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(AuditEvent event) {
        em.persist(event);
    }
}
