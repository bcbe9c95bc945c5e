package dev.latchkey.auth;

import dev.latchkey.caller.SessionOutcome;
import dev.latchkey.web.ApiException;
import dev.latchkey.web.StaticPages;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses the requests whose session token itself forbids them, public routes included: a token the database could
 * not check (503: neither signed in nor signed out), a banned user's (403 with the ban message; signing out still
 * works, so the browser can drop the cookie, and GitHub's callback refuses the sign-in itself with
 * {@code ?error=banned}), and a confined session's (an account without GitHub under an organization allow-list: 403
 * except to load the pages, see itself, link GitHub, sign out or leave).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 10)
public class SessionRefusalFilter implements ContainerRequestFilter {

    private static final Set<String> BANNED_EXEMPT = Set.of("auth/logout", "auth/github/callback");
    private static final Set<String> CONFINED_EXEMPT = Set.of("auth/logout", "auth/github", "auth/github/callback",
            "auth/me", "auth/providers", "auth/account", "auth/accounts");

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext context) {
        // In a servlet container the request's properties are its attributes, where the mechanism left its outcome.
        Object outcome = context.getProperty(SessionOutcome.ATTRIBUTE);
        if (outcome instanceof SessionOutcome.Unchecked unchecked) {
            throw unchecked.failure();
        }
        if (outcome instanceof SessionOutcome.Banned banned && !BANNED_EXEMPT.contains(path(context))) {
            throw new ApiException(403, banned.detail());
        }
        if (outcome instanceof SessionOutcome.Valid valid && valid.confinement() != null
                && resource.getResourceClass() != StaticPages.class && !CONFINED_EXEMPT.contains(path(context))) {
            throw new ApiException(403, valid.confinement());
        }
    }

    /** The route's path without its leading and trailing slash; read only for the few requests refused here. */
    private static String path(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.length() > start && path.endsWith("/") ? path.length() - 1 : path.length();
        return path.substring(start, end);
    }
}
