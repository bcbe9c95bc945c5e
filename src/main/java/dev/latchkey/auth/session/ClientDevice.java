package dev.latchkey.auth.session;

import dev.latchkey.web.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The address and user agent a session was started from.
 */
public record ClientDevice(String ipAddress, String userAgent) {

    public static ClientDevice of(HttpServletRequest request) {
        Object resolved = request.getAttribute(ClientAddresses.ATTRIBUTE);
        return new ClientDevice(resolved != null ? resolved.toString() : request.getRemoteAddr(),
                request.getHeader("User-Agent"));
    }
}
