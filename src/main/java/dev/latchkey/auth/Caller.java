package dev.latchkey.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The caller of the current request, as the authentication mechanism established it.
 */
@RequestScoped
public class Caller {

    @Inject
    HttpServletRequest request;

    public Optional<AuthenticatedCaller> current() {
        return Optional.ofNullable((AuthenticatedCaller) request.getAttribute(AuthenticatedCaller.ATTRIBUTE));
    }

    /** The signed-in caller on a route that requires one ({@code @RolesAllowed}). */
    public AuthenticatedCaller required() {
        return current().orElseThrow(() -> new NotAuthenticatedException(refusal()));
    }

    String refusal() {
        Object reason = request.getAttribute(AuthenticatedCaller.FAILURE_ATTRIBUTE);
        return reason == null ? NotAuthenticatedException.NO_TOKEN : reason.toString();
    }
}
