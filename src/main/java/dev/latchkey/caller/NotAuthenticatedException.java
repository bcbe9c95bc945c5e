package dev.latchkey.caller;

import dev.latchkey.web.ApiException;
import java.util.Map;

/**
 * A route needs a signed-in caller and the request has none: 401 with {@code WWW-Authenticate: Bearer}.
 */
public class NotAuthenticatedException extends ApiException {

    public static final String NO_TOKEN = "Not authenticated";

    public NotAuthenticatedException(String detail) {
        super(401, detail, Map.of("WWW-Authenticate", "Bearer"));
    }

    /** Refuses with the reason the mechanism left for a token it refused, if the request presented one. */
    public static NotAuthenticatedException because(Object refusedTokenReason) {
        return new NotAuthenticatedException(refusedTokenReason == null ? NO_TOKEN : refusedTokenReason.toString());
    }
}
