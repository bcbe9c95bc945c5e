package dev.latchkey.webhook;

import dev.latchkey.web.ApiException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A webhook body as it arrives: signed on the fly, counted against GitHub's 25 MB cap, and kept only when Latchkey
 * acts on the payload, at most {@link #MAX_KEPT_BYTES} of it, so one delivery never costs more memory than that.
 */
final class WebhookBody {

    /** GitHub caps webhook payloads at 25 MB. */
    static final long MAX_BYTES = 25L * 1024 * 1024;
    /** The payloads Latchkey reads (ping, github_app_authorization, organization, membership, team) are a few KB. */
    static final int MAX_KEPT_BYTES = 1024 * 1024;
    static final String TOO_LARGE = "The request body is too large.";

    private final WebhookSignature signature;
    private final ByteArrayOutputStream kept;
    private long received;

    /** A body to sign; its bytes are kept when {@code keep}, {@code expectedLength} of them if known (else -1). */
    WebhookBody(String secret, boolean keep, long expectedLength) {
        this.signature = new WebhookSignature(secret);
        this.kept = keep ? new ByteArrayOutputStream((int) Math.min(Math.max(expectedLength, 1024), MAX_KEPT_BYTES))
                : null;
    }

    /** Refuses, before a byte is read, a body declared larger than it may be. */
    static void checkDeclared(long declaredLength, boolean keep) {
        if (declaredLength > (keep ? MAX_KEPT_BYTES : MAX_BYTES)) {
            throw new ApiException(413, TOO_LARGE);
        }
    }

    /** Takes the next bytes; 413 once the body passes its cap (a chunked body, or a lying Content-Length). */
    void append(byte[] bytes, int length) {
        received += length;
        checkDeclared(received, kept != null);
        signature.update(bytes, 0, length);
        if (kept != null) {
            kept.write(bytes, 0, length);
        }
    }

    long received() {
        return received;
    }

    /** Whether {@code header} is GitHub's signature of every byte received; nothing more may be appended. */
    boolean signedBy(String header) {
        return signature.matches(header);
    }

    /** The kept bytes as UTF-8 text; empty when the payload was not kept. */
    String text() {
        return kept == null ? "" : kept.toString(StandardCharsets.UTF_8);
    }
}
