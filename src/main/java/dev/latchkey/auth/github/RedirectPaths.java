package dev.latchkey.auth.github;

/**
 * Accepts only a relative path on the frontend as the place to land after sign-in, so Latchkey is no open redirect.
 */
final class RedirectPaths {

    static final int MAX_LENGTH = 2048;

    private RedirectPaths() {
    }

    static String sanitize(String requested, String fallback) {
        return safe(requested) ? requested : fallback;
    }

    static boolean safe(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            // Browsers treat a backslash as a slash and drop tabs and newlines, so "/\evil" or "/\t/evil" can leave.
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
