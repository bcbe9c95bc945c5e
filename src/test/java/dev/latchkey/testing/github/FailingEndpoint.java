package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Instant;
import java.util.Optional;

/** What GitHub's REST API answers when a test makes an endpoint fail with a given status. */
final class FailingEndpoint {

    private static final String RATE_LIMIT_DOCS =
            "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";

    private FailingEndpoint() {
    }

    static ResponseDefinition reply(int status, Optional<Long> userId, Instant now) {
        return switch (status) {
            case 401 -> Replies.badCredentials().build();
            case 403 -> RateLimits.exhausted(now).addHeaders(Replies.apiError(403,
                    "API rate limit exceeded for " + userId.map(id -> "user ID " + id).orElse("127.0.0.1")
                            + ".", RATE_LIMIT_DOCS)).build();
            case 429 -> Replies.apiError(429, "You have exceeded a secondary rate limit. Please wait a few minutes"
                    + " before you try again.", RATE_LIMIT_DOCS).withHeader("retry-after", "60").build();
            default -> generic(status).build();
        };
    }

    private static ResponseDefinitionBuilder generic(int status) {
        String message = switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 500 -> "Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "We couldn't respond to your request in time. Sorry about that. Please try resubmitting"
                    + " your request and contact us if the problem persists.";
            default -> "Request failed";
        };
        return Replies.apiError(status, message, Replies.REST_DOCS);
    }
}
