package dev.latchkey.auth.github;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user's GitHub access token, Fernet-encrypted, with the scopes GitHub reported for it.
 */
@Entity
@Table(name = "github_tokens")
public class StoredGitHubToken {

    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "access_token", nullable = false)
    private String accessToken;

    @Column(nullable = false)
    private String scopes;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StoredGitHubToken() {
    }

    StoredGitHubToken(long userId) {
        this.userId = userId;
    }

    void replace(String encryptedToken, String scopes, Instant now) {
        this.accessToken = encryptedToken;
        this.scopes = scopes;
        this.updatedAt = now;
    }

    String accessToken() {
        return accessToken;
    }

    String scopes() {
        return scopes;
    }
}
