package dev.latchkey.auth;

import dev.latchkey.auth.session.SessionCookie;
import dev.latchkey.auth.session.SessionRenewals;
import dev.latchkey.caller.SessionOutcome;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;

/**
 * Renews a session close to expiry on a successful answer, the way its token came: a new cookie for a cookie, a new
 * {@code X-Access-Token} header for a Bearer token.
 *
 * <p>A token never goes the other way: a cookie session's token is not handed to the page's JavaScript, and a Bearer
 * token is not put in the browser's cookie jar, where it could replace the browser's own session. Answers that set the
 * session cookie themselves (sign-in, logout) are left alone, so a renewal never undoes them.
 */
@Provider
public class SessionRenewalFilter implements ContainerResponseFilter {

    @Inject
    SessionRenewals renewals;

    @Inject
    SessionCookie cookie;

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
        // In a servlet container the request's properties are its attributes, where the mechanism left its outcome.
        if (!(requestContext.getProperty(SessionOutcome.ATTRIBUTE) instanceof SessionOutcome.Valid valid)
                || response.getStatus() >= 400 || setsSessionCookie(response)
                || !renewals.due(valid.claims(), Instant.now())) {
            return;
        }
        // The mechanism reads Authorization: Bearer before the cookie: the token came as the one it read.
        boolean bearer = requestContext.getHeaderString("Authorization") != null
                && requestContext.getHeaderString("Authorization").regionMatches(true, 0, "Bearer ", 0, 7);
        renewals.renew(valid.session(), valid.claims(), Instant.now()).ifPresent(renewed -> {
            if (bearer) {
                response.getHeaders().putSingle("X-Access-Token", renewed.token());
            } else {
                response.getHeaders().add("Set-Cookie", renewed.setCookie());
            }
        });
    }

    private boolean setsSessionCookie(ContainerResponseContext response) {
        return response.getStringHeaders().getOrDefault("Set-Cookie", java.util.List.of()).stream()
                .anyMatch(header -> header.startsWith(cookie.name() + "="));
    }
}
