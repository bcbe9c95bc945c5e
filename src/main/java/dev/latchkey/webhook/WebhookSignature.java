package dev.latchkey.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's {@code X-Hub-Signature-256} computed while a webhook body streams in: exactly {@code sha256=} and the
 * lower-case hex HMAC-SHA256 of the body under the shared secret, compared in constant time.
 */
final class WebhookSignature {

    private static final Pattern FORM = Pattern.compile("sha256=[0-9a-f]{64}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Mac mac;
    private String value;

    WebhookSignature(String secret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /**
     * Whether a header has the one form GitHub sends. No normalising (case, spaces): anything else is not its
     * signature, and is refused before the body is read.
     */
    static boolean wellFormed(String header) {
        return header != null && FORM.matcher(header).matches();
    }

    /** Adds the next bytes of the body. */
    void update(byte[] bytes, int offset, int length) {
        if (value != null) {
            throw new IllegalStateException("The signature is already computed");
        }
        mac.update(bytes, offset, length);
    }

    /** {@code sha256=<hex>} over every byte added; adding stops here. */
    String value() {
        if (value == null) {
            value = "sha256=" + hex(mac.doFinal());
        }
        return value;
    }

    /** Whether {@code header} is GitHub's signature of the bytes added. */
    boolean matches(String header) {
        return wellFormed(header) && MessageDigest.isEqual(value().getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hex(byte[] bytes) {
        char[] chars = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            chars[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            chars[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(chars);
    }
}
