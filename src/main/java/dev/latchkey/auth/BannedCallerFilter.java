package dev.latchkey.auth;

import dev.latchkey.caller.AuthenticatedCaller;
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
 * Answers every request carrying a banned user's session token 403 with the ban message, public routes included, and
 * a confined session's (an account without GitHub under an organization allow-list) likewise except to link GitHub.
 * Signing out still works, so the browser can drop the cookie, and GitHub's callback refuses the sign-in itself (a
 * browser is sent back with {@code ?error=banned}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 10)
public class BannedCallerFilter implements ContainerRequestFilter {

    private static final Set<String> EXEMPT = Set.of("auth/logout", "auth/github/callback");
    /** What a confined session may do besides the pages: see itself and its methods, link GitHub, sign out, leave. */
    private static final Set<String> CONFINED_EXEMPT = Set.of("auth/logout", "auth/github", "auth/github/callback",
            "auth/me", "auth/providers", "auth/account", "auth/accounts");

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext context) {
        // In a servlet container the request's properties are its attributes, where the mechanism left the ban.
        String path = context.getUriInfo().getPath().replaceAll("^/|/$", "");
        Object detail = context.getProperty(AuthenticatedCaller.BANNED_ATTRIBUTE);
        if (detail != null && !EXEMPT.contains(path)) {
            throw new ApiException(403, detail.toString());
        }
        Object confinement = context.getProperty(AuthenticatedCaller.CONFINED_ATTRIBUTE);
        boolean page = resource.getResourceClass() == StaticPages.class;
        if (confinement != null && !page && !CONFINED_EXEMPT.contains(path)) {
            throw new ApiException(403, confinement.toString());
        }
    }
}
