package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** GitHub's core rate limit per user: 5000 requests an hour, reported in x-ratelimit-* headers. */
final class RateLimits {

    static final int LIMIT = 5000;

    private final Map<Long, Window> windows = new ConcurrentHashMap<>();

    /** The hour a user is in, as GitHub reports it: when it resets (epoch seconds) and how much is used. */
    record Window(long reset, int used) {

        int remaining() {
            return Math.max(0, LIMIT - used);
        }

        ResponseDefinitionBuilder addHeaders(ResponseDefinitionBuilder reply) {
            return reply
                    .withHeader("x-ratelimit-limit", String.valueOf(LIMIT))
                    .withHeader("x-ratelimit-remaining", String.valueOf(remaining()))
                    .withHeader("x-ratelimit-used", String.valueOf(used))
                    .withHeader("x-ratelimit-reset", String.valueOf(reset))
                    .withHeader("x-ratelimit-resource", "core");
        }
    }

    Window count(long userId, Instant now) {
        long second = now.getEpochSecond();
        return windows.compute(userId, (id, window) -> window == null || second >= window.reset()
                ? new Window(second + 3600, 1)
                : new Window(window.reset(), window.used() + 1));
    }

    /** A window with nothing left, for a test that makes GitHub answer "API rate limit exceeded". */
    static Window exhausted(Instant now) {
        return new Window(now.getEpochSecond() + 3600, LIMIT);
    }
}
