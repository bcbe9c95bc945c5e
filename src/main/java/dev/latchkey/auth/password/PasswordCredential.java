package dev.latchkey.auth.password;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user's email-and-password sign-in: the email it is found by (lower-cased, trimmed) and the bcrypt hash.
 */
@Entity
@Table(name = "password_credentials")
public class PasswordCredential {

    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "email_normalized", nullable = false)
    private String emailNormalized;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PasswordCredential() {
    }

    PasswordCredential(long userId, String emailNormalized, String passwordHash, Instant now) {
        this.userId = userId;
        this.emailNormalized = emailNormalized;
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    public long userId() {
        return userId;
    }

    /** The email this credential signs in with, as it is compared: lower-cased and trimmed. */
    public String email() {
        return emailNormalized;
    }

    String passwordHash() {
        return passwordHash;
    }
}
