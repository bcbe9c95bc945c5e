package dev.latchkey.auth.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One signed-in device: the row every session JWT is checked against.
 */
@Entity
@Table(name = "sessions")
public class Session {

    static final int USER_AGENT_MAX = 512;

    @Id
    private String id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "ip_address")
    private String ipAddress;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "impersonator_id")
    private Long impersonatorId;

    @Column(name = "end_reason")
    private String endReason;

    protected Session() {
    }

    Session(String id, long userId, Instant now, Instant expiresAt, String ipAddress, String userAgent,
            Long impersonatorId) {
        this.id = id;
        this.impersonatorId = impersonatorId;
        this.userId = userId;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = expiresAt;
        this.ipAddress = ipAddress;
        this.userAgent = userAgent == null || userAgent.length() <= USER_AGENT_MAX
                ? userAgent : userAgent.substring(0, USER_AGENT_MAX);
    }

    public boolean liveAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    /** Why the session was ended, when its holder is told more than "invalid or expired". */
    public Optional<SessionEndReason> endReason() {
        return SessionEndReason.of(endReason);
    }

    public String id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public String userAgent() {
        return userAgent;
    }

    /** A copy holding nothing of the persistence context that read this row, for keeping between requests. */
    public Session copy() {
        Session copy = new Session();
        copy.id = id;
        copy.userId = userId;
        copy.createdAt = createdAt;
        copy.expiresAt = expiresAt;
        copy.lastSeenAt = lastSeenAt;
        copy.ipAddress = ipAddress;
        copy.userAgent = userAgent;
        copy.revokedAt = revokedAt;
        copy.impersonatorId = impersonatorId;
        copy.endReason = endReason;
        return copy;
    }

    /** The admin acting as this session's user, or null for the user's own session. */
    public Long impersonatorId() {
        return impersonatorId;
    }
}
