package dev.latchkey.auth.github;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A GitHub authorization in progress: the hash of its state, its PKCE verifier, where to go afterwards and, when
 * linking, whose account GitHub joins and the session that asked.
 */
@Entity
@Table(name = "oauth_states")
public class OAuthState {

    @Id
    @Column(name = "state_hash")
    private String stateHash;

    @Column(name = "code_verifier", nullable = false)
    private String codeVerifier;

    @Column(name = "redirect_path", nullable = false)
    private String redirectPath;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "link_user_id")
    private Long linkUserId;

    @Column(name = "link_session_id")
    private String linkSessionId;

    protected OAuthState() {
    }

    OAuthState(String stateHash, String codeVerifier, String redirectPath, Instant now, Instant expiresAt,
               OAuthStates.Linking linking) {
        this.stateHash = stateHash;
        this.codeVerifier = codeVerifier;
        this.redirectPath = redirectPath;
        this.createdAt = now;
        this.expiresAt = expiresAt;
        this.linkUserId = linking == null ? null : linking.userId();
        this.linkSessionId = linking == null ? null : linking.sessionId();
    }

    String codeVerifier() {
        return codeVerifier;
    }

    String redirectPath() {
        return redirectPath;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** The signed-in user who asked to link GitHub to their account, and their session; empty for a sign-in. */
    Optional<OAuthStates.Linking> linking() {
        return Optional.ofNullable(linkUserId).map(userId -> new OAuthStates.Linking(userId, linkSessionId));
    }
}
