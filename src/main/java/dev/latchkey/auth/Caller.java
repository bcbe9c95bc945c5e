package dev.latchkey.auth;

import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The caller of the current request, from the container's security context.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    @Inject
    Users users;

    public Optional<AuthenticatedCaller> current() {
        return security.getPrincipalsByType(SessionPrincipal.class).stream().findFirst()
                .flatMap(principal -> user(principal).map(user -> new AuthenticatedCaller(user, principal.sessionId())));
    }

    /** The signed-in caller on a route that requires one ({@code @RolesAllowed}). */
    public AuthenticatedCaller required() {
        return current().orElseThrow(() -> new NotAuthenticatedException(refusal()));
    }

    private Optional<User> user(SessionPrincipal principal) {
        Object checked = request.getAttribute(AuthenticatedCaller.USER_ATTRIBUTE);
        return checked instanceof User user ? Optional.of(user) : users.find(principal.userId());
    }

    private String refusal() {
        Object reason = request.getAttribute(AuthenticatedCaller.FAILURE_ATTRIBUTE);
        return reason == null ? NotAuthenticatedException.NO_TOKEN : reason.toString();
    }
}
