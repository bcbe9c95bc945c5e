package dev.latchkey.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Inserts a row in a transaction of its own, so that losing the race to another request or node for its primary key
 * fails only this insert, and whoever reads next finds the winner's row.
 */
@ApplicationScoped
class FirstInserts {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void insert(Object row) {
        em.persist(row);
    }
}
