package dev.latchkey.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One security event: what happened, when, who did it to whom, from where; written once and never changed.
 */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    static final int USER_AGENT_MAX = 512;
    static final int IP_MAX = 45;

    @Id
    @SequenceGenerator(name = "audit_events_seq", sequenceName = "audit_events_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_events_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String type;

    @Column(name = "actor_user_id", updatable = false)
    private Long actorUserId;

    @Column(name = "target_user_id", updatable = false)
    private Long targetUserId;

    @Column(name = "ip_address", updatable = false)
    private String ipAddress;

    @Column(name = "user_agent", updatable = false)
    private String userAgent;

    @Column(nullable = false, updatable = false)
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String type, Long actorUserId, Long targetUserId, String ipAddress,
               String userAgent, String detail) {
        this.occurredAt = occurredAt;
        this.type = type;
        this.actorUserId = actorUserId;
        this.targetUserId = targetUserId;
        this.ipAddress = cut(ipAddress, IP_MAX);
        this.userAgent = cut(userAgent, USER_AGENT_MAX);
        this.detail = detail;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    Long id() {
        return id;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String type() {
        return type;
    }

    Long actorUserId() {
        return actorUserId;
    }

    Long targetUserId() {
        return targetUserId;
    }

    String ipAddress() {
        return ipAddress;
    }

    String userAgent() {
        return userAgent;
    }

    String detail() {
        return detail;
    }
}
