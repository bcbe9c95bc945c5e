package dev.latchkey.auth;

import dev.latchkey.caller.AuthenticatedCaller;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers every request whose session token could not be checked, because the database does not answer, with the
 * failure the mechanism met (503 from the problem mapper), public routes included: the caller is neither signed in
 * nor known to be signed out, so no route answers as if it knew.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 20)
public class UncheckedSessionFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext context) {
        // In a servlet container the request's properties are its attributes, where the mechanism left the failure.
        if (context.getProperty(AuthenticatedCaller.UNCHECKED_ATTRIBUTE) instanceof RuntimeException failure) {
            throw failure;
        }
    }
}
