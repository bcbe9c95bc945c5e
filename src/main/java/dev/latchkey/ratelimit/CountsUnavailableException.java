package dev.latchkey.ratelimit;

import dev.latchkey.web.ApiException;
import java.util.Map;

/**
 * An attempt that could not be counted, the database not answering in time: 503 with {@code Retry-After}, as letting
 * it through uncounted would lift the limit for as long as the database is down.
 */
public class CountsUnavailableException extends ApiException {

    public static final String DETAIL = "Attempts cannot be counted right now; try again later";
    static final long RETRY_AFTER_SECONDS = 10;

    CountsUnavailableException() {
        super(503, DETAIL, Map.of("Retry-After", Long.toString(RETRY_AFTER_SECONDS)));
    }
}
