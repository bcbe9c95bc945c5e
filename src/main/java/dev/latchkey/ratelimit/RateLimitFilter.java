package dev.latchkey.ratelimit;

import dev.latchkey.web.ClientAddresses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Applies the per-address limit of {@link RateLimited} resource methods before they run.
 */
@Provider
@RateLimited(RateLimits.Action.SIGN_IN)
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimitFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Inject
    RateLimits limits;

    @Inject
    ClientAddresses addresses;

    @Override
    public void filter(ContainerRequestContext context) {
        RateLimited limited = resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            limited = resource.getResourceClass().getAnnotation(RateLimited.class);
        }
        if (limited != null) {
            limits.attemptFromAddress(limited.value(), addresses.of(request));
        }
    }
}
