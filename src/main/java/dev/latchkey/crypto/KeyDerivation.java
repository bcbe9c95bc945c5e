package dev.latchkey.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Derives every key Latchkey uses from one configured secret, so each purpose gets its own key. */
public final class KeyDerivation {

    private static final byte[] SIGNING_LABEL = "latchkey/session-jwt-signing/v1".getBytes(US_ASCII);
    private static final byte[] KEY_ID_LABEL = "latchkey/kid/v1".getBytes(US_ASCII);
    private static final int KEY_ID_LENGTH = 12;

    private KeyDerivation() {
    }

    /**
     * Returns the Fernet key exactly as the Python systems derived it,
     * {@code urlsafe_b64encode(sha256(secret.encode("utf-8")).digest())}, so their stored tokens stay readable.
     */
    public static String fernetKey(String secretKey) {
        return Base64.getUrlEncoder().encodeToString(sha256(secretKey.getBytes(UTF_8)));
    }

    /** Returns the 32-byte HMAC-SHA256 key for session JWTs, independent of the Fernet key. */
    public static byte[] signingKey(String secretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(UTF_8), "HmacSHA256"));
            return mac.doFinal(SIGNING_LABEL);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Returns a short public JWT {@code kid}: a labelled hash prefix, useless for recovering the key. */
    public static String keyId(byte[] signingKey) {
        byte[] input = new byte[KEY_ID_LABEL.length + signingKey.length];
        System.arraycopy(KEY_ID_LABEL, 0, input, 0, KEY_ID_LABEL.length);
        System.arraycopy(signingKey, 0, input, KEY_ID_LABEL.length, signingKey.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(input)).substring(0, KEY_ID_LENGTH);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
