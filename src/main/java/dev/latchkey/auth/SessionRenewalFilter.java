package dev.latchkey.auth;

import dev.latchkey.auth.session.SessionCookie;
import dev.latchkey.auth.session.SessionRenewals;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;

/**
 * Renews a session close to expiry on a successful answer: the cookie again, and {@code X-Access-Token} for Bearer
 * clients.
 *
 * <p>Answers that set the session cookie themselves (sign-in, logout) are left alone, so a renewal never undoes them.
 */
@Provider
public class SessionRenewalFilter implements ContainerResponseFilter {

    static final String DUE_ATTRIBUTE = SessionRenewalFilter.class.getName() + ".due";

    @Inject
    SessionRenewals renewals;

    @Inject
    SessionCookie cookie;

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
        // In a servlet container the request's properties are its attributes, where the mechanism left this.
        Object due = requestContext.getProperty(DUE_ATTRIBUTE);
        if (!(due instanceof SessionValidator.Valid valid) || response.getStatus() >= 400 || setsSessionCookie(response)) {
            return;
        }
        renewals.renew(valid.session(), valid.claims(), Instant.now()).ifPresent(renewed -> {
            response.getHeaders().add("Set-Cookie", renewed.setCookie());
            response.getHeaders().putSingle("X-Access-Token", renewed.token());
        });
    }

    private boolean setsSessionCookie(ContainerResponseContext response) {
        return response.getStringHeaders().getOrDefault("Set-Cookie", java.util.List.of()).stream()
                .anyMatch(header -> header.startsWith(cookie.name() + "="));
    }
}
