package dev.latchkey.auth;

import dev.latchkey.auth.session.SessionCookie;
import dev.latchkey.auth.session.SessionRenewals;
import dev.latchkey.caller.AuthenticatedCaller;
import dev.latchkey.caller.SessionPrincipal;
import dev.latchkey.db.DatabaseFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the session JWT from {@code Authorization: Bearer} or the session cookie and tells the container who calls.
 *
 * <p>It never refuses a request itself: a missing or bad token leaves the caller anonymous, with the reason kept
 * for {@link AuthenticationRequiredFilter}, so public endpoints still answer with a stale cookie. A banned user's
 * token is kept for {@link BannedCallerFilter}, which refuses every request. Roles come from the user row. A token
 * that could not be checked because the database does not answer leaves the caller anonymous too, with the failure
 * kept for {@link UncheckedSessionFilter}, which answers 503: never treated as signed in, nor as signed out.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final Set<String> USER_GROUPS = Set.of("user");
    static final Set<String> ADMIN_GROUPS = Set.of("user", "admin");

    @Inject
    SessionValidator validator;

    @Inject
    SessionCookie cookie;

    @Inject
    SessionRenewals renewals;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Optional<Presented> token = presentedToken(request);
        if (token.isEmpty()) {
            return context.doNothing();
        }
        SessionValidator.Outcome outcome;
        try {
            outcome = validator.validate(token.get().token());
        } catch (RuntimeException failure) {
            if (!DatabaseFailures.unavailable(failure)) {
                throw failure;
            }
            request.setAttribute(AuthenticatedCaller.UNCHECKED_ATTRIBUTE, failure);
            return context.doNothing();
        }
        if (outcome instanceof SessionValidator.Valid valid) {
            // The user row was just read: keep it for this request instead of reading it again.
            request.setAttribute(AuthenticatedCaller.USER_ATTRIBUTE, valid.user());
            if (valid.confinement() != null) {
                request.setAttribute(AuthenticatedCaller.CONFINED_ATTRIBUTE, valid.confinement());
            }
            if (renewals.due(valid.claims(), Instant.now())) {
                request.setAttribute(SessionRenewalFilter.DUE_ATTRIBUTE,
                        new SessionRenewalFilter.Due(valid, token.get().bearer()));
            }
            Set<String> groups = groups(valid);
            return context.notifyContainerAboutLogin(
                    new SessionPrincipal(token.get().token(), valid.claims(), groups), groups);
        }
        if (outcome instanceof SessionValidator.Banned banned) {
            request.setAttribute(AuthenticatedCaller.BANNED_ATTRIBUTE, banned.detail());
            return context.doNothing();
        }
        request.setAttribute(AuthenticatedCaller.FAILURE_ATTRIBUTE, ((SessionValidator.Refused) outcome).reason());
        return context.doNothing();
    }

    /** Read from the user row on every request, so a role change applies to live sessions at once. */
    private static Set<String> groups(SessionValidator.Valid valid) {
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
