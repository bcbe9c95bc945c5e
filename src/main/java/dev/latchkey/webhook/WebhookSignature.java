package dev.latchkey.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks GitHub's {@code X-Hub-Signature-256} over a raw webhook body: exactly {@code sha256=} and the lower-case hex
 * HMAC-SHA256 of the body under the shared secret, compared in constant time.
 */
final class WebhookSignature {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private WebhookSignature() {
    }

    static boolean valid(String secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = expected(secret, body).getBytes(StandardCharsets.US_ASCII);
        // No normalising (case, spaces): GitHub sends exactly this form, and anything else is not its signature.
        return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
    }

    static String expected(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + hex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
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
