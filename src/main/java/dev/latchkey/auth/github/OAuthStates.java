package dev.latchkey.auth.github;

import dev.latchkey.crypto.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Issues OAuth states and consumes each exactly once; only a hash of the state is stored.
 */
@ApplicationScoped
public class OAuthStates {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    /** A started authorization: the state to send to GitHub and the PKCE challenge. */
    public record Pending(String state, String codeChallenge) {
    }

    /** Who asked to link GitHub to their account, from which session (null in states stored before V9). */
    public record Linking(long userId, String sessionId) {
    }

    @Transactional
    public Pending begin(String redirectPath) {
        return begin(redirectPath, null);
    }

    /** A state whose callback links GitHub to the account that asked ({@code linking}; null: a sign-in). */
    @Transactional
    public Pending begin(String redirectPath, Linking linking) {
        String state = RandomTokens.urlSafe(32);
        String verifier = Pkce.newVerifier();
        Instant now = Instant.now();
        em.persist(new OAuthState(hash(state), verifier, redirectPath, now, now.plus(LIFETIME), linking));
        return new Pending(state, Pkce.challenge(verifier));
    }

    /**
     * Deletes the state and returns it if it was there and unexpired. Of simultaneous callers with one state, only
     * the one whose delete removed the row gets it; the others get empty (or fail, which callers treat alike).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<OAuthState> consume(String state) {
        if (state == null || state.isEmpty() || state.length() > 128) {
            return Optional.empty();
        }
        String key = hash(state);
        OAuthState found = em.find(OAuthState.class, key);
        if (found == null) {
            return Optional.empty();
        }
        int deleted = em.createQuery("DELETE FROM OAuthState s WHERE s.stateHash = :key")
                .setParameter("key", key)
                .executeUpdate();
        if (deleted != 1 || !found.expiresAt().isAfter(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    static String hash(String state) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
