package dev.latchkey.webhook;

import dev.latchkey.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * What a delivery's headers say, judged before a byte of its body is read: its length, its signature's form, and
 * which delivery and event it is.
 */
record DeliveryHeaders(String id, String event, String signature, String contentType, long declaredLength) {

    static final String NO_SIGNATURE = "Missing X-Hub-Signature-256 header";
    static final String BAD_SIGNATURE = "Invalid webhook signature";
    static final String LENGTH_REQUIRED = "Send the webhook body with a Content-Length header";

    /** The headers of a delivery worth reading; otherwise the refusal (411, 413, 401, 400). */
    static DeliveryHeaders of(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > WebhookBody.MAX_BYTES) {
            throw new ApiException(413, WebhookBody.TOO_LARGE);
        }
        if (declared < 0 && !streamed(request)) {
            throw new ApiException(411, LENGTH_REQUIRED);
        }
        String signature = request.getHeader("X-Hub-Signature-256");
        if (signature == null) {
            throw new ApiException(401, NO_SIGNATURE);
        }
        if (!WebhookSignature.wellFormed(signature)) {
            throw new ApiException(401, BAD_SIGNATURE);
        }
        DeliveryHeaders headers = new DeliveryHeaders(required(request, "X-GitHub-Delivery"),
                required(request, "X-GitHub-Event"), signature, request.getContentType(), declared);
        WebhookBody.checkDeclared(declared, headers.payloadRead());
        return headers;
    }

    /** Whether Latchkey reads this event's payload (so keeps its body), rather than only checking its signature. */
    boolean payloadRead() {
        return DeliveryWriter.READ_PAYLOADS.contains(event);
    }

    /**
     * A body of unknown length: chunked, or HTTP/2 frames. An HTTP/1 request with neither a length nor chunks has no
     * body by definition, which GitHub never sends.
     */
    private static boolean streamed(HttpServletRequest request) {
        String coding = request.getHeader("Transfer-Encoding");
        return coding != null && coding.toLowerCase(Locale.ROOT).contains("chunked")
                || !request.getProtocol().startsWith("HTTP/1");
    }

    private static String required(HttpServletRequest request, String name) {
        String header = request.getHeader(name);
        if (header == null || header.isBlank() || header.length() > 100) {
            throw new ApiException(400, "Missing or malformed " + name + " header");
        }
        return header.trim();
    }
}
