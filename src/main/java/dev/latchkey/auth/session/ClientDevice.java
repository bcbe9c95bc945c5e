package dev.latchkey.auth.session;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address and user agent a session was started from.
 */
public record ClientDevice(String ipAddress, String userAgent) {

    public static ClientDevice of(HttpServletRequest request) {
        return new ClientDevice(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
