package dev.latchkey.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * Processes each GitHub delivery once: its row and its effect commit in one transaction, so of copies arriving
 * together the primary key lets exactly one through, and the others answer {@code duplicate}.
 */
@ApplicationScoped
class WebhookDeliveries {

    static final String DUPLICATE = "duplicate";

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class.getName());
    private static final int SETTLE_CHECKS = 30;

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    DeliveryWriter writer;

    /** {@code ok} for a ping, {@code processed}, {@code ignored} for events Latchkey does not act on, or duplicate. */
    String process(String deliveryId, String event, JsonObject payload) {
        if (known(deliveryId)) {
            return DUPLICATE;
        }
        try {
            return writer.once(deliveryId, event, payload);
        } catch (RuntimeException lostRace) {
            // Another copy inserted the row first. Its transaction may still be committing: wait for it a little.
            for (int check = 0; check < SETTLE_CHECKS; check++) {
                if (known(deliveryId)) {
                    return DUPLICATE;
                }
                pause();
            }
            throw lostRace;
        }
    }

    private boolean known(String deliveryId) {
        return em.find(WebhookDelivery.class, deliveryId) != null;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.fine("Interrupted while waiting for a simultaneous delivery to commit");
        }
    }
}
