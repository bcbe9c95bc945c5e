package dev.latchkey.caller;

import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The caller of the current request, from the container's security context.
 */
// Application-scoped: it keeps nothing of its own, and a request-scoped bean would be built again for every request.
@ApplicationScoped
public class Caller {

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    @Inject
    Users users;

    public Optional<AuthenticatedCaller> current() {
        return security.getPrincipalsByType(SessionPrincipal.class).stream().findFirst()
                .flatMap(principal -> user(principal).map(user ->
                        new AuthenticatedCaller(user, principal.sessionId(), principal.impersonatorId())));
    }

    /**
     * Whether the request at hand comes with a session in which an admin acts as the user; false outside a request
     * (timers, webhooks).
     */
    public boolean impersonating() {
        try {
            return security.getPrincipalsByType(SessionPrincipal.class).stream()
                    .anyMatch(principal -> principal.impersonatorId() != null);
        } catch (ContextNotActiveException | IllegalStateException noRequest) {
            return false;
        }
    }

    /** The signed-in caller on a route that requires one ({@code @RolesAllowed}). */
    public AuthenticatedCaller required() {
        return current().orElseThrow(() ->
                NotAuthenticatedException.because(
                        SessionOutcome.refusalOf(request.getAttribute(SessionOutcome.ATTRIBUTE))));
    }

    /**
     * The session token this request presented, with its expiry: only for keeping an impersonating admin's own
     * session to hand back later. Never log it.
     */
    public Optional<PresentedToken> presentedToken() {
        return security.getPrincipalsByType(SessionPrincipal.class).stream().findFirst()
                .map(principal -> new PresentedToken(principal.rawToken(),
                        java.time.Instant.ofEpochSecond(principal.<Long>getClaim("exp"))));
    }

    /** A session JWT as presented, and when it expires. */
    public record PresentedToken(String token, java.time.Instant expiresAt) {

        @Override
        public String toString() {
            return "PresentedToken[<redacted>]";
        }
    }

    private Optional<User> user(SessionPrincipal principal) {
        // The session check has just read the user row: use it instead of reading it again.
        return SessionOutcome.of(request.getAttribute(SessionOutcome.ATTRIBUTE))
                .filter(SessionOutcome.Valid.class::isInstance).map(valid -> ((SessionOutcome.Valid) valid).user())
                .or(() -> users.find(principal.userId()));
    }
}
