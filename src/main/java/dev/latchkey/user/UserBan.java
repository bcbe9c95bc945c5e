package dev.latchkey.user;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * A ban on a user: when and by whom it was imposed, why, and until when (no expiry: until an admin lifts it).
 */
@Embeddable
public class UserBan {

    @Column(name = "banned_at")
    private Instant bannedAt;

    @Column(name = "ban_reason")
    private String reason;

    @Column(name = "ban_expires_at")
    private Instant expiresAt;

    @Column(name = "banned_by")
    private Long bannedBy;

    protected UserBan() {
    }

    UserBan(Instant bannedAt, String reason, Instant expiresAt, Long bannedBy) {
        this.bannedAt = bannedAt;
        this.reason = reason;
        this.expiresAt = expiresAt;
        this.bannedBy = bannedBy;
    }

    /** An expired ban lifts itself: it counts only until its expiry. */
    public boolean activeAt(Instant now) {
        return bannedAt != null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public Instant bannedAt() {
        return bannedAt;
    }

    public String reason() {
        return reason;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Long bannedBy() {
        return bannedBy;
    }
}
