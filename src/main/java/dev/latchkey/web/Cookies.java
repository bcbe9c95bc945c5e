package dev.latchkey.web;

/**
 * Writes every {@code Set-Cookie} header Latchkey sends, so a cookie is always set and expired alike.
 */
public final class Cookies {

    private Cookies() {
    }

    /** Attributes shared by setting and expiring one cookie. */
    public record Attributes(String path, boolean secure, String sameSite) {
    }

    public static String set(String name, String value, long maxAgeSeconds, Attributes attributes) {
        return name + "=" + value + "; Max-Age=" + maxAgeSeconds + common(attributes);
    }

    public static String expire(String name, Attributes attributes) {
        return name + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" + common(attributes);
    }

    private static String common(Attributes attributes) {
        return "; Path=" + attributes.path()
                + (attributes.secure() ? "; Secure" : "")
                + "; HttpOnly"
                + "; SameSite=" + attributes.sameSite();
    }
}
