package dev.latchkey.auth;

import dev.latchkey.web.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
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
    /** What a confined session may still do: see itself, link GitHub, sign out, or delete the account. */
    private static final Set<String> CONFINED_EXEMPT = Set.of("auth/logout", "auth/github", "auth/github/callback",
            "auth/me", "auth/providers", "auth/account");

    @Override
    public void filter(ContainerRequestContext context) {
        // In a servlet container the request's properties are its attributes, where the mechanism left the ban.
        String path = context.getUriInfo().getPath().replaceAll("^/|/$", "");
        Object detail = context.getProperty(AuthenticatedCaller.BANNED_ATTRIBUTE);
        if (detail != null && !EXEMPT.contains(path)) {
            throw new ApiException(403, detail.toString());
        }
        Object confinement = context.getProperty(AuthenticatedCaller.CONFINED_ATTRIBUTE);
        if (confinement != null && !CONFINED_EXEMPT.contains(path)) {
            throw new ApiException(403, confinement.toString());
        }
    }
}
