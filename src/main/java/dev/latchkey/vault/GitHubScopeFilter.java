package dev.latchkey.vault;

import dev.latchkey.caller.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Enforces {@link RequiresGitHubScope} against the scopes GitHub reported for the caller's stored token when it was
 * stored (re-signing in with GitHub updates them), after the caller has been authenticated.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class GitHubScopeFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    Caller caller;

    @Inject
    GitHubTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        RequiresGitHubScope required = requiredScopes();
        if (required == null) {
            return;
        }
        GitHubAccess access = tokens.required(caller.required().userId());
        for (String scope : required.value()) {
            if (!access.allows(scope)) {
                throw new MissingGitHubScopeException(scope);
            }
        }
    }

    private RequiresGitHubScope requiredScopes() {
        if (resource.getResourceMethod() == null) {
            return null;
        }
        RequiresGitHubScope onMethod = resource.getResourceMethod().getAnnotation(RequiresGitHubScope.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RequiresGitHubScope.class);
    }
}
