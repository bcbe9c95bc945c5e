package dev.latchkey.auth.github;

import dev.latchkey.web.Origins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

/**
 * Keeps another site's page (an {@code <img>}, a link) from making a signed-in browser reconnect or link GitHub.
 */
@ApplicationScoped
class CrossSiteNavigations {

    static final String ERROR_CODE = "cross_site_request";

    @Inject
    Origins origins;

    @Inject
    FrontendRedirects frontend;

    /** Whether the browser says another site started this request and it names no trusted origin. */
    boolean foreign(HttpServletRequest request) {
        return origins.foreignNavigation(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"),
                request.getHeader("Referer"));
    }

    /** Whatever asked for it, the browser goes to the frontend: nothing is revoked, linked or ended. */
    Response refused() {
        return frontend.toFailure(ERROR_CODE).build();
    }
}
