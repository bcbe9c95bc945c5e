package dev.latchkey.auth.github;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Accepts only a relative path on the frontend as the place to land after sign-in, so Latchkey is no open redirect,
 * and writes it as a clean URL path (RFC 3986), so the redirect to it can always be built.
 */
final class RedirectPaths {

    static final int MAX_LENGTH = 2048;

    private static final String HEX = "0123456789ABCDEF";
    /** Characters a path, query or fragment may hold as they are: unreserved, sub-delims, ":", "@", "/", "?". */
    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "-._~!$&'()*+,;=:@/?";

    private RedirectPaths() {
    }

    static String sanitize(String requested, String fallback) {
        return clean(requested).orElse(fallback);
    }

    /**
     * The path with every character a URL may not hold as it is (a space, a brace, a non-ASCII letter, a second
     * {@code #}) percent-encoded as UTF-8; empty when it is no relative path on the frontend or cannot be made one
     * safely: another host ({@code //host}, {@code /\host}, a scheme), a control character, a backslash, a broken
     * {@code %} escape, or longer than {@link #MAX_LENGTH} once encoded.
     */
    static Optional<String> clean(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/') {
            return Optional.empty();
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return Optional.empty();
        }
        StringBuilder clean = new StringBuilder(path.length());
        boolean inFragment = false;
        for (int i = 0; i < path.length(); i += Character.charCount(path.codePointAt(i))) {
            int c = path.codePointAt(i);
            // Browsers treat a backslash as a slash and drop tabs and newlines, so "/\evil" or "/\t/evil" can leave.
            if (c == '\\' || Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE) {
                return Optional.empty();
            }
            if (c == '%') {
                if (!escaped(path, i)) {
                    // "%zz" could be meant as a literal "%" or be a mistake; neither can be told apart, so fall back.
                    return Optional.empty();
                }
                clean.append('%');
            } else if (c == '#' && !inFragment) {
                inFragment = true;
                clean.append('#');
            } else if (c < 0x80 && ALLOWED.indexOf(c) >= 0) {
                clean.append((char) c);
            } else {
                encode(c, clean);
            }
        }
        return Optional.of(clean.toString()).filter(RedirectPaths::relativeReference);
    }

    private static boolean escaped(String path, int percent) {
        return percent + 2 < path.length() && hex(path.charAt(percent + 1)) && hex(path.charAt(percent + 2));
    }

    private static boolean hex(char c) {
        return c < 0x80 && HEX.indexOf(Character.toUpperCase(c)) >= 0;
    }

    private static void encode(int codePoint, StringBuilder into) {
        for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
            into.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
        }
    }

    /** What the redirect will be built from: a reference with neither scheme nor host, within the length stored. */
    private static boolean relativeReference(String clean) {
        if (clean.length() > MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(clean);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException unusable) {
            return false;
        }
    }
}
