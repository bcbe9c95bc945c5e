package dev.latchkey.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts attempts per key in fixed windows; counting is atomic, so exactly the limit passes when attempts arrive at once.
 */
final class FixedWindowCounter {

    private static final int SWEEP_EVERY = 1024;

    private record Window(Instant start, int attempts) {
    }

    /** The outcome of one attempt: allowed, or refused with the seconds until the window ends. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Duration length;
    private final Supplier<Instant> clock;
    private final AtomicLong calls = new AtomicLong();

    FixedWindowCounter(Duration length, Supplier<Instant> clock) {
        this.length = length;
        this.clock = clock;
    }

    Decision attempt(String key, int limit) {
        Instant now = clock.get();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            windows.values().removeIf(window -> !window.start().plus(length).isAfter(now));
        }
        Window window = windows.compute(key, (k, current) -> current == null || !current.start().plus(length).isAfter(now)
                ? new Window(now, 1) : new Window(current.start(), current.attempts() + 1));
        if (window.attempts() <= limit) {
            return new Decision(true, 0);
        }
        long remaining = Duration.between(now, window.start().plus(length)).toMillis();
        return new Decision(false, Math.max(1, (remaining + 999) / 1000));
    }

    /** Takes back one attempt counted in the key's current window: one that turned out not to count. */
    void forgive(String key) {
        Instant now = clock.get();
        windows.computeIfPresent(key, (k, current) -> current.start().plus(length).isAfter(now)
                && current.attempts() > 0 ? new Window(current.start(), current.attempts() - 1) : current);
    }
}
