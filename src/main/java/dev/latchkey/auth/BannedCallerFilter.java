package dev.latchkey.auth;

import dev.latchkey.web.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Answers every request carrying a banned user's session token 403 with the ban message, public routes included.
 * Signing out still works, so the browser can drop the cookie, and GitHub's callback refuses the sign-in itself (a
 * browser is sent back with {@code ?error=banned}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 10)
public class BannedCallerFilter implements ContainerRequestFilter {

    private static final Set<String> EXEMPT = Set.of("auth/logout", "auth/github/callback");

    @Override
    public void filter(ContainerRequestContext context) {
        // In a servlet container the request's properties are its attributes, where the mechanism left the ban.
        Object detail = context.getProperty(AuthenticatedCaller.BANNED_ATTRIBUTE);
        if (detail != null && !EXEMPT.contains(context.getUriInfo().getPath().replaceAll("^/|/$", ""))) {
            throw new ApiException(403, detail.toString());
        }
    }
}
