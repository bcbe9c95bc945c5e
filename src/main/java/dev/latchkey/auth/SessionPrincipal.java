package dev.latchkey.auth;

import dev.latchkey.auth.session.SessionClaims;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller principal of a request with a valid session: its name is the user id, its claims those of the JWT.
 *
 * <p>Applications reach it through the standard APIs, for example
 * {@code securityContext.getPrincipalsByType(JsonWebToken.class)}.
 */
public final class SessionPrincipal implements JsonWebToken {

    private final String rawToken;
    private final SessionClaims claims;

    SessionPrincipal(String rawToken, SessionClaims claims) {
        this.rawToken = rawToken;
        this.claims = claims;
    }

    public long userId() {
        return claims.userId();
    }

    public String sessionId() {
        return claims.sessionId();
    }

    @Override
    public String getName() {
        return Long.toString(claims.userId());
    }

    @Override
    public Set<String> getClaimNames() {
        return Set.of(Claims.sub.name(), "sid", Claims.exp.name(), Claims.raw_token.name(), Claims.groups.name());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        Object value = switch (name) {
            case "sub" -> getName();
            case "sid" -> claims.sessionId();
            case "exp" -> claims.expiresAt().getEpochSecond();
            case "raw_token" -> rawToken;
            case "groups" -> SessionAuthenticationMechanism.ROLES;
            default -> null;
        };
        return (T) value;
    }

    @Override
    public Set<String> getGroups() {
        // The interface's default casts the claim to a Set; answer directly so no list ever reaches that cast.
        return SessionAuthenticationMechanism.ROLES;
    }

    @Override
    public String toString() {
        // Never print the raw token.
        return "SessionPrincipal[user=" + getName() + "]";
    }
}
