package dev.latchkey.vault;

import dev.latchkey.crypto.TokenCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import dev.latchkey.github.GitHubGrant;

/**
 * A user's GitHub access token, Fernet-encrypted, with the scopes GitHub reported for it and, for a GitHub App's
 * expiring token, its expiry and the encrypted refresh token that replaces it.
 */
@Entity
@Table(name = "github_tokens")
public class StoredGitHubToken {

    /**
     * A token is refreshed when it has less than this left (or less than half its lifetime, when GitHub granted it
     * for less than twice this), so that it does not expire on its way to GitHub or during the caller's work with it.
     */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "access_token", nullable = false)
    private String accessToken;

    @Column(nullable = false)
    private String scopes;

    /** When the current token was granted: its lifetime runs from here to {@link #expiresAt}. */
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "refresh_token")
    private String refreshToken;

    @Column(name = "refresh_expires_at")
    private Instant refreshExpiresAt;

    protected StoredGitHubToken() {
    }

    StoredGitHubToken(long userId) {
        this.userId = userId;
    }

    /** Takes a new grant, encrypting its tokens; the refresh token and expiries are null for a non-expiring one. */
    void replaceToken(GitHubGrant grant, TokenCipher cipher, Instant now) {
        this.accessToken = cipher.encrypt(grant.accessToken());
        this.expiresAt = grant.expiresAt();
        this.refreshToken = grant.refreshToken() == null ? null : cipher.encrypt(grant.refreshToken());
        this.refreshExpiresAt = grant.refreshExpiresAt();
        this.updatedAt = now;
    }

    void replaceScopes(String scopes) {
        this.scopes = scopes;
    }

    /** True when the token expires within its refresh margin, or has expired; never for tokens that do not expire. */
    boolean needsRefreshAt(Instant now) {
        return expiresAt != null && !now.plus(refreshMargin()).isBefore(expiresAt);
    }

    /**
     * {@link #REFRESH_MARGIN}, or half the lifetime of a token granted for less than twice that. A token GitHub
     * granted for less than the margin would be refreshed again by every request that needs it, and each refresh
     * kills the token that the requests before it are sending to GitHub: a fresh token is never refreshed.
     */
    private Duration refreshMargin() {
        Duration halfLife = Duration.between(updatedAt, expiresAt).dividedBy(2);
        if (halfLife.isNegative()) {
            return Duration.ZERO;
        }
        return halfLife.compareTo(REFRESH_MARGIN) < 0 ? halfLife : REFRESH_MARGIN;
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** True when a refresh token is stored and has not expired (GitHub remains the judge of whether it is alive). */
    boolean refreshableAt(Instant now) {
        return refreshToken != null && (refreshExpiresAt == null || now.isBefore(refreshExpiresAt));
    }

    long userId() {
        return userId;
    }

    String accessToken() {
        return accessToken;
    }

    String refreshToken() {
        return refreshToken;
    }

    public String scopes() {
        return scopes;
    }
}
