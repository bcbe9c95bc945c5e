package dev.latchkey.webhook;

import dev.latchkey.web.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a webhook's raw body, refusing one over GitHub's 25 MB cap before reading more than that: by its
 * {@code Content-Length} when it has one, and by counting while reading (chunked bodies, or a lying length).
 */
final class WebhookBody {

    static final int MAX_BYTES = 25 * 1024 * 1024;
    static final String TOO_LARGE = "The request body is too large.";

    private WebhookBody() {
    }

    static byte[] read(InputStream body, String contentLength, int maxBytes) {
        if (declared(contentLength) > maxBytes) {
            throw new ApiException(413, TOO_LARGE);
        }
        if (body == null) {
            return new byte[0];
        }
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
                if (read.size() + n > maxBytes) {
                    throw new ApiException(413, TOO_LARGE);
                }
                read.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ApiException(400, "The request body could not be read.");
        }
        return read.toByteArray();
    }

    private static long declared(String contentLength) {
        if (contentLength == null || !contentLength.trim().matches("[0-9]{1,18}")) {
            return -1;
        }
        return Long.parseLong(contentLength.trim());
    }
}
