package dev.latchkey.auth.password;

import dev.latchkey.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a registration may contain (email, password, name) and the form an email is looked up by.
 */
final class PasswordRules {

    static final int MIN_CHARACTERS = 8;
    static final int MAX_BYTES = 72;
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_NAME_LENGTH = 255;

    static final String INVALID_EMAIL = "Enter a valid email address";
    static final String TOO_SHORT = "Password must be at least 8 characters";
    static final String TOO_LONG = "Password must be at most 72 bytes";
    static final String NAME_TOO_LONG = "Name must be at most 255 characters";

    // One @, no spaces or control characters, and a domain of dot-separated, non-empty labels.
    private static final Pattern EMAIL =
            Pattern.compile("[^\\s\\p{Cntrl}@]+@[^\\s\\p{Cntrl}@.]+(\\.[^\\s\\p{Cntrl}@.]+)+");

    private PasswordRules() {
    }

    /** The email as the user typed it, trimmed, if it looks like an address; else a 400. */
    static String validEmail(String email) {
        String trimmed = email == null ? "" : email.trim();
        if (trimmed.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(trimmed).matches()) {
            throw new ApiException(400, INVALID_EMAIL);
        }
        return trimmed;
    }

    /** Emails compare case-insensitively: they are stored and looked up lower-cased and trimmed. */
    static String normalizedEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** A password of at least 8 characters that bcrypt reads whole, else a 400; it is never trimmed or truncated. */
    static void requireValidPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            throw new ApiException(400, TOO_SHORT);
        }
        if (!fitsBcrypt(password)) {
            throw new ApiException(400, TOO_LONG);
        }
    }

    /** Bcrypt reads at most 72 bytes: a longer password would be silently cut, so it is refused instead. */
    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** The display name, trimmed; blank means none. */
    static String validName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.trim();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new ApiException(400, NAME_TOO_LONG);
        }
        return trimmed;
    }
}
