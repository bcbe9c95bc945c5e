package dev.latchkey.ratelimit;

import dev.latchkey.web.ApiException;
import java.util.Map;

/**
 * Too many attempts: 429 with {@code Retry-After}.
 */
public class TooManyRequestsException extends ApiException {

    public static final String DETAIL = "Too many requests. Please try again later.";

    TooManyRequestsException(long retryAfterSeconds) {
        super(429, DETAIL, Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
