package dev.latchkey.auth.session;

/**
 * Accepts a session JWT only in the one spelling it was issued in: three unpadded Base64URL parts and an HS256
 * signature of exactly 43 characters whose unused last bits are zero.
 *
 * <p>Base64URL decoders skip characters outside the alphabet and ignore a last character's unused bits, so without
 * this check one token has countless spellings that all verify, each a new key wherever tokens are remembered.
 */
final class CanonicalTokens {

    /** 32 bytes of HMAC-SHA256 in unpadded Base64URL: 256 bits in 43 characters of 6, the last 2 bits unused. */
    static final int SIGNATURE_LENGTH = 43;

    private CanonicalTokens() {
    }

    static boolean canonical(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first < 1 || second < first + 2 || token.length() - second - 1 != SIGNATURE_LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (i != first && i != second && value(token.charAt(i)) < 0) {
                return false;
            }
        }
        return (value(token.charAt(token.length() - 1)) & 0b11) == 0;
    }

    /** The character's 6-bit value in the Base64URL alphabet, or -1 outside it. */
    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        return c == '_' ? 63 : -1;
    }
}
