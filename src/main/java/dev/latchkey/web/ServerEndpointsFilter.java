package dev.latchkey.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Holds /health and /openapi to the answers documented for every server: the server's own endpoints on Payara, which
 * run inside Latchkey's web application, and the WAR's own on WildFly and Open Liberty.
 */
@WebFilter(urlPatterns = {"/health/*", "/openapi/*"}, asyncSupported = true)
public class ServerEndpointsFilter extends HttpFilter {

    static final Set<String> HEALTH = Set.of("/health", "/health/live", "/health/ready", "/health/started");
    static final String OPENAPI = "/openapi";

    /** Whether the request is for /health or /openapi, or a path below them: answers that are the same for anyone. */
    public static boolean covers(HttpServletRequest request) {
        String path = path(request);
        return isOrIsBelow(path, "/health") || isOrIsBelow(path, OPENAPI);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean isOrIsBelow(String path, String root) {
        return path.startsWith(root) && (path.length() == root.length() || path.charAt(root.length()) == '/');
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = path(request);
        String method = request.getMethod();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (HEALTH.contains(path)) {
            refuseUnless(read, "GET, HEAD", request, response, chain);
        } else if (OPENAPI.equals(path) && "OPTIONS".equals(method) && !isPreflight(request)) {
            // Payara's OpenAPI resource would answer with a WADL document naming its JAX-RS implementation.
            response.setHeader("Allow", "GET, HEAD, OPTIONS");
            response.setStatus(HttpServletResponse.SC_OK);
        } else if (OPENAPI.equals(path)) {
            refuseUnless(read || "OPTIONS".equals(method), "GET, HEAD, OPTIONS", request, response, chain);
        } else {
            // Payara answers any path below /health (/health/x, /health/live/) with the whole health report.
            ProblemWriter.write(response, 404, StatusDetails.forStatus(404));
        }
    }

    private void refuseUnless(boolean allowed, String methods, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (allowed) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Allow", methods);
        ProblemWriter.write(response, 405, StatusDetails.forStatus(405));
    }

    private static boolean isPreflight(HttpServletRequest request) {
        return request.getHeader("Origin") != null && request.getHeader("Access-Control-Request-Method") != null;
    }
}
