package dev.latchkey.auth.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.crypto.SecretKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs session JWTs (HS256 with a {@code kid}) and verifies them with the algorithm pinned.
 */
@ApplicationScoped
public class SessionTokens {

    private static final int MAX_TOKEN_LENGTH = 4096;

    @Inject
    SecretKeys keys;

    @Inject
    @ConfigProperty(name = "BACKEND_URL")
    String issuer;

    private MACSigner signer;
    private Map<String, MACVerifier> verifiers;

    @PostConstruct
    void init() {
        try {
            signer = new MACSigner(keys.signingKey());
            Map<String, MACVerifier> byKeyId = new HashMap<>();
            for (String kid : keys.signingKeyIds()) {
                byKeyId.put(kid, new MACVerifier(keys.signingKeyFor(kid).orElseThrow()));
            }
            verifiers = Map.copyOf(byKeyId);
        } catch (JOSEException e) {
            throw new IllegalStateException("The derived signing key is unusable", e);
        }
    }

    public String issue(Session session) {
        return issue(session.userId(), session.id(), session.impersonatorId(), session.expiresAt());
    }

    /** A token for a user's own session (not an impersonation) with this expiry. */
    public String issue(long userId, String sessionId, Instant expiresAt) {
        return issue(userId, sessionId, null, expiresAt);
    }

    /**
     * A token for an existing session with a new expiry (sliding renewal); an impersonation session's token names
     * the acting admin in {@code act}.
     */
    public String issue(long userId, String sessionId, Long impersonatorId, Instant expiresAt) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(JOSEObjectType.JWT)
                .keyID(keys.keyId())
                .build();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(Long.toString(userId))
                .claim("sid", sessionId)
                .issueTime(new Date())
                .expirationTime(Date.from(expiresAt));
        if (impersonatorId != null) {
            claims.claim("act", Map.of("sub", Long.toString(impersonatorId)));
        }
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a session token", e);
        }
        return jwt.serialize();
    }

    /**
     * The token's claims if it is well formed (in the one spelling it was issued in), HS256 under the current key or
     * one of {@code PREVIOUS_SECRET_KEYS} (named by its {@code kid}), unexpired and ours; else empty.
     */
    public Optional<SessionClaims> verify(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH || !CanonicalTokens.canonical(token)) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            // Pinned: a token naming any other algorithm (none, RS256, HS512...) is refused before any check.
            if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
                return Optional.empty();
            }
            MACVerifier verifier = header.getKeyID() == null ? null : verifiers.get(header.getKeyID());
            if (verifier == null || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            boolean previousKey = !keys.keyId().equals(header.getKeyID());
            return SessionClaims.from(jwt.getJWTClaimsSet(), issuer, now, previousKey);
        } catch (ParseException | JOSEException | RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
