package dev.latchkey.github;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What GitHub granted: an access token and, for a GitHub App's user token, when it expires and the refresh token
 * (with its own expiry) that replaces it; the other fields are null for tokens that never expire.
 */
public record GitHubGrant(String accessToken, Instant expiresAt, String refreshToken, Instant refreshExpiresAt) {

    /** Longer than any lifetime GitHub hands out; a larger value is a garbled answer. */
    private static final long MAX_LIFETIME_SECONDS = Duration.ofDays(3660).toSeconds();

    public GitHubGrant {
        Objects.requireNonNull(accessToken, "accessToken");
    }

    /** A token that never expires: an OAuth App token or a personal access token. */
    public static GitHubGrant nonExpiring(String accessToken) {
        return new GitHubGrant(accessToken, null, null, null);
    }

    /**
     * Reads the token endpoint's answer (already checked for an {@code error}); lifetimes count from {@code asked},
     * when the request left, so they never end later than GitHub's. GitHub sends them as numbers in JSON; numeric
     * strings are accepted too.
     */
    static GitHubGrant fromTokenAnswer(JsonObject answer, Instant asked) {
        String token = text(answer, "access_token");
        if (token == null) {
            throw new GitHubRefusedException(200, "GitHub's token answer has no access_token");
        }
        return new GitHubGrant(token, expiry(answer, "expires_in", asked),
                text(answer, "refresh_token"), expiry(answer, "refresh_token_expires_in", asked));
    }

    private static Instant expiry(JsonObject answer, String name, Instant asked) {
        JsonValue value = answer.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        long seconds;
        try {
            seconds = value instanceof JsonNumber number ? number.longValueExact()
                    : Long.parseLong(((JsonString) value).getString().trim());
        } catch (ArithmeticException | ClassCastException | NumberFormatException e) {
            throw new GitHubRefusedException(200, "GitHub's token answer has an unreadable " + name);
        }
        if (seconds < 0 || seconds > MAX_LIFETIME_SECONDS) {
            throw new GitHubRefusedException(200, "GitHub's token answer has an out-of-range " + name);
        }
        return asked.plusSeconds(seconds);
    }

    private static String text(JsonObject answer, String name) {
        return answer.get(name) instanceof JsonString string && !string.getString().isBlank()
                ? string.getString() : null;
    }

    // The generated toString would print both tokens into any log line that mentions a grant.
    @Override
    public String toString() {
        return "GitHubGrant[accessToken=<redacted>, expiresAt=" + expiresAt + ", refreshToken="
                + (refreshToken == null ? "null" : "<redacted>") + ", refreshExpiresAt=" + refreshExpiresAt + "]";
    }
}
