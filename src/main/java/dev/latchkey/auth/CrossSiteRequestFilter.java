package dev.latchkey.auth;

import dev.latchkey.auth.session.SessionCookie;
import dev.latchkey.web.Origins;
import dev.latchkey.web.ProblemWriter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

/**
 * Refuses state-changing requests that another site's page could have sent with the user's cookie (CSRF), and
 * sign-ins posted from a foreign page (login CSRF).
 *
 * <p>A request with a foreign {@code Origin} is refused; a cookie-carrying one must name a trusted origin in
 * {@code Origin} or, lacking it, {@code Referer}. Bearer requests are exempt: no browser adds that header by itself.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CrossSiteRequestFilter extends HttpFilter {

    static final String INVALID_ORIGIN = "Invalid origin";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    Origins origins;

    @Inject
    SessionCookie sessionCookie;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!STATE_CHANGING.contains(request.getMethod()) || bearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader("Origin");
        String claimed = origin != null ? origin : request.getHeader("Referer");
        boolean refused = claimed != null ? !origins.trusted(claimed) : carriesSessionCookie(request);
        if (refused) {
            ProblemWriter.write(response, 403, INVALID_ORIGIN);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean bearer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private boolean carriesSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> c.getName().equals(sessionCookie.name()));
    }
}
