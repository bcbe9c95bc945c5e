package dev.latchkey.auth;

import dev.latchkey.caller.NotAuthenticatedException;
import dev.latchkey.caller.NotWhileImpersonating;
import dev.latchkey.caller.SessionOutcome;
import dev.latchkey.caller.SessionPrincipal;
import dev.latchkey.membership.RequiresGitHubTeam;
import dev.latchkey.web.ApiException;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;

/**
 * Enforces {@code @RolesAllowed} on resources: 401 with the token's refusal reason when nobody is signed in, 403
 * when the caller lacks the role, or is an admin acting as a user on an admin or {@link NotWhileImpersonating} route.
 * A {@link RequiresGitHubTeam} route needs a signed-in caller too (its own filter then checks the team).
 *
 * <p>Done here rather than left to the JAX-RS runtime because runtimes differ: some answer 403 to anonymous callers,
 * and RESTEasy ignores the annotation unless configured.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationRequiredFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        RolesAllowed required = requiredRoles();
        if (required == null && !(resource.getResourceMethod() != null && annotated(RequiresGitHubTeam.class))) {
            return;
        }
        // The principal the mechanism set, with the groups it read from the user row for this request.
        if (!(request.getSecurityContext().getUserPrincipal() instanceof SessionPrincipal signedIn)) {
            throw NotAuthenticatedException.because(
                    SessionOutcome.refusalOf(request.getProperty(SessionOutcome.ATTRIBUTE)));
        }
        if (required == null) {
            return;
        }
        if (signedIn.impersonatorId() != null && (Arrays.asList(required.value()).contains("admin")
                || annotated(NotWhileImpersonating.class))) {
            throw new ApiException(403, NotWhileImpersonating.REFUSAL);
        }
        boolean allowed = Arrays.stream(required.value()).anyMatch(signedIn.getGroups()::contains);
        if (!allowed) {
            throw new ApiException(403, "You are not allowed to do this.");
        }
    }

    private boolean annotated(Class<? extends java.lang.annotation.Annotation> annotation) {
        return resource.getResourceMethod().isAnnotationPresent(annotation)
                || resource.getResourceClass().isAnnotationPresent(annotation);
    }

    private RolesAllowed requiredRoles() {
        if (resource.getResourceMethod() == null) {
            return null;
        }
        RolesAllowed onMethod = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
}
