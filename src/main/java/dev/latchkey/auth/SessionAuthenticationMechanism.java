package dev.latchkey.auth;

import dev.latchkey.auth.session.SessionCookie;
import dev.latchkey.caller.SessionOutcome;
import dev.latchkey.caller.SessionPrincipal;
import dev.latchkey.db.DatabaseFailures;
import dev.latchkey.web.ServerEndpointsFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the session JWT from {@code Authorization: Bearer} or the session cookie, tells the container who calls, and
 * leaves the check's one {@link SessionOutcome} on the request.
 *
 * <p>It never refuses a request itself: a missing or bad token leaves the caller anonymous (the outcome's reason is
 * the 401 of {@link AuthenticationRequiredFilter}), so public endpoints still answer with a stale cookie; a banned
 * user, a confined session and a token the database could not check are refused by {@link SessionRefusalFilter}.
 * Roles come from the user row. /health and /openapi are answered alike for anyone: their tokens are not read.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final Set<String> USER_GROUPS = Set.of("user");
    static final Set<String> ADMIN_GROUPS = Set.of("user", "admin");

    @Inject
    SessionValidator validator;

    @Inject
    SessionCookie cookie;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // A probe's or a page's stray cookie must not make /health wait for a session check, nor renew the session.
        Optional<Presented> token = ServerEndpointsFilter.covers(request) ? Optional.empty() : presentedToken(request);
        if (token.isEmpty()) {
            return context.doNothing();
        }
        SessionOutcome outcome;
        try {
            outcome = validator.validate(token.get().token());
        } catch (RuntimeException failure) {
            if (!DatabaseFailures.unavailable(failure)) {
                throw failure;
            }
            outcome = new SessionOutcome.Unchecked(failure);
        }
        request.setAttribute(SessionOutcome.ATTRIBUTE, outcome);
        if (outcome instanceof SessionOutcome.Valid valid) {
            Set<String> groups = groups(valid);
            return context.notifyContainerAboutLogin(
                    new SessionPrincipal(token.get().token(), valid.claims(), groups), groups);
        }
        return context.doNothing();
    }

    /** Read from the user row on every request, so a role change applies to live sessions at once. */
    private static Set<String> groups(SessionOutcome.Valid valid) {
        // An admin acting as a user has only that user's rights, whatever the user's own role.
        return valid.user().admin() && !valid.claims().impersonated() ? ADMIN_GROUPS : USER_GROUPS;
    }

    /** A session JWT and how it came: in {@code Authorization: Bearer} or in the session cookie. */
    private record Presented(String token, boolean bearer) {
    }

    private Optional<Presented> presentedToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(new Presented(authorization.substring(7).trim(), true));
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie candidate : cookies) {
                if (cookie.name().equals(candidate.getName()) && !candidate.getValue().isEmpty()) {
                    return Optional.of(new Presented(candidate.getValue(), false));
                }
            }
        }
        return Optional.empty();
    }
}
