package dev.latchkey.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;

/**
 * Records a delivery and applies its effect in one transaction: the insert fails for every copy but the first.
 */
@ApplicationScoped
class DeliveryWriter {

    /** The events whose payload is read; any other event is recorded and ignored. */
    static final Set<String> READ_PAYLOADS = Set.of("ping", "github_app_authorization", MembershipEvents.ORGANIZATION,
            MembershipEvents.MEMBERSHIP, MembershipEvents.TEAM);

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    GitHubAppRevocations revocations;

    @Inject
    MembershipEvents memberships;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String once(String deliveryId, String event, JsonObject payload) {
        em.persist(new WebhookDelivery(deliveryId, event, Instant.now()));
        em.flush();
        return switch (event) {
            case "ping" -> "ok";
            case "github_app_authorization" -> revocations.apply(deliveryId, payload);
            case MembershipEvents.ORGANIZATION, MembershipEvents.MEMBERSHIP, MembershipEvents.TEAM ->
                    memberships.apply(deliveryId, event, payload);
            default -> "ignored";
        };
    }
}
