package dev.latchkey.auth.pat;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers 404 for personal-access-token sign-in while it is disabled, before anything else looks at the request.
 */
@Provider
@OnlyWhenPatSignInEnabled
// Ahead of the rate limit: a switched-off endpoint must not use up the address's sign-in attempts.
@Priority(Priorities.AUTHENTICATION - 200)
public class PatSignInDisabledFilter implements ContainerRequestFilter {

    @Inject
    PatSignInSetting setting;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!setting.enabled()) {
            throw PatSignInFailure.disabled();
        }
    }
}
