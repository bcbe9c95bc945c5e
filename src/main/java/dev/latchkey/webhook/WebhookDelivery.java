package dev.latchkey.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A GitHub webhook delivery already processed, by its {@code X-GitHub-Delivery} id.
 */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery {

    /** Long after GitHub stops offering a delivery for redelivery. */
    static final Duration KEPT = Duration.ofDays(30);

    @Id
    @Column(name = "delivery_id")
    private String deliveryId;

    @Column(nullable = false)
    private String event;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(String deliveryId, String event, Instant now) {
        this.deliveryId = deliveryId;
        this.event = event;
        this.receivedAt = now;
        this.expiresAt = now.plus(KEPT);
    }
}
