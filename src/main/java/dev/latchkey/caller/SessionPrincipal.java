package dev.latchkey.caller;

import dev.latchkey.auth.session.SessionClaims;
import jakarta.json.Json;
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
    private final Set<String> groups;

    public SessionPrincipal(String rawToken, SessionClaims claims, Set<String> groups) {
        this.rawToken = rawToken;
        this.claims = claims;
        this.groups = Set.copyOf(groups);
    }

    public long userId() {
        return claims.userId();
    }

    public String sessionId() {
        return claims.sessionId();
    }

    /** The admin acting as the user in an impersonation session, else null. */
    public Long impersonatorId() {
        return claims.impersonatorId();
    }

    /** The token as presented. Only for handing an admin's own session back to them; never log it. */
    String rawToken() {
        return rawToken;
    }

    @Override
    public String getName() {
        return Long.toString(claims.userId());
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = Set.of(Claims.sub.name(), "sid", Claims.exp.name(), Claims.raw_token.name(),
                Claims.groups.name());
        return claims.impersonated() ? union(names, "act") : names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        Object value = switch (name) {
            case "sub" -> getName();
            case "sid" -> claims.sessionId();
            case "exp" -> claims.expiresAt().getEpochSecond();
            case "raw_token" -> rawToken;
            case "groups" -> groups;
            case "act" -> claims.impersonated()
                    ? Json.createObjectBuilder().add("sub", Long.toString(claims.impersonatorId())).build() : null;
            default -> null;
        };
        return (T) value;
    }

    @Override
    public Set<String> getGroups() {
        // The interface's default casts the claim to a Set; answer directly so no list ever reaches that cast.
        return groups;
    }

    private static Set<String> union(Set<String> names, String name) {
        java.util.Set<String> all = new java.util.HashSet<>(names);
        all.add(name);
        return Set.copyOf(all);
    }

    @Override
    public String toString() {
        // Never print the raw token.
        return "SessionPrincipal[user=" + getName() + "]";
    }
}
