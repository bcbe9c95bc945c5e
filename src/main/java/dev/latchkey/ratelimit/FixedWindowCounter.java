package dev.latchkey.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts attempts per key in fixed windows in this server's memory ({@code RATE_LIMIT_STORE=memory}).
 */
final class FixedWindowCounter implements AttemptCounter {

    private static final int SWEEP_EVERY = 1024;

    private record Window(Instant start, int attempts) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Duration length;
    private final Supplier<Instant> clock;
    private final AtomicLong calls = new AtomicLong();

    FixedWindowCounter(Duration length, Supplier<Instant> clock) {
        this.length = length;
        this.clock = clock;
    }

    @Override
    public Decision attempt(String key, int limit) {
        Instant now = clock.get();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            windows.values().removeIf(window -> !window.start().plus(length).isAfter(now));
        }
        Window window = windows.compute(key, (k, current) -> current == null || !current.start().plus(length).isAfter(now)
                ? new Window(now, 1) : new Window(current.start(), current.attempts() + 1));
        return Decision.of(window.attempts(), limit, Duration.between(now, window.start().plus(length)).toMillis());
    }

    @Override
    public void forgive(String key) {
        Instant now = clock.get();
        windows.computeIfPresent(key, (k, current) -> current.start().plus(length).isAfter(now)
                && current.attempts() > 0 ? new Window(current.start(), current.attempts() - 1) : current);
    }
}
