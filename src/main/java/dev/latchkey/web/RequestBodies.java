package dev.latchkey.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Reads JSON request bodies up to a small bound, so no client can make the server buffer more than it will parse.
 */
public final class RequestBodies {

    public static final int MAX_JSON_BYTES = 8 * 1024;

    private RequestBodies() {
    }

    /** The body's bytes (none for no body): 413 over {@link #MAX_JSON_BYTES}, {@code unreadable} when it breaks off. */
    public static byte[] json(InputStream body, Supplier<? extends ApiException> unreadable) {
        if (body == null) {
            return new byte[0];
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_JSON_BYTES + 1);
        } catch (IOException broken) {
            throw unreadable.get();
        }
        if (bytes.length > MAX_JSON_BYTES) {
            throw new ApiException(413, StatusDetails.forStatus(413));
        }
        return bytes;
    }
}
