package dev.latchkey.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FixedWindowCounterTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    private final FixedWindowCounter counter = new FixedWindowCounter(Duration.ofMinutes(1), now::get);

    @Test
    void theLimitPassesAndTheNextIsToldWhenToRetry() {
        for (int i = 0; i < 5; i++) {
            assertTrue(counter.attempt("ip", 5).allowed());
        }
        now.set(now.get().plusSeconds(20));
        AttemptCounter.Decision refused = counter.attempt("ip", 5);
        assertFalse(refused.allowed());
        assertEquals(40, refused.retryAfterSeconds());
    }

    @Test
    void anAttemptTakenBackNoLongerCountsButOnlyInItsOwnWindow() {
        for (int i = 0; i < 5; i++) {
            assertTrue(counter.attempt("account", 5).allowed());
        }
        counter.forgive("account");
        assertTrue(counter.attempt("account", 5).allowed(), "the place taken back is free");
        assertFalse(counter.attempt("account", 5).allowed());

        counter.forgive("unknown");
        now.set(now.get().plusSeconds(60));
        counter.forgive("account");
        for (int i = 0; i < 5; i++) {
            assertTrue(counter.attempt("account", 5).allowed(), "a new window starts at the limit, not above it");
        }
        assertFalse(counter.attempt("account", 5).allowed());
    }

    @Test
    void aNewWindowStartsAfterAMinuteAndKeysAreIndependent() {
        for (int i = 0; i < 6; i++) {
            counter.attempt("ip", 5);
        }
        assertTrue(counter.attempt("other", 5).allowed());
        now.set(now.get().plusSeconds(60));
        assertTrue(counter.attempt("ip", 5).allowed());
    }

    @Test
    void exactlyTheLimitPassesWhenAttemptsArriveAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(threads.submit(() -> {
                go.await();
                return counter.attempt("burst", 5).allowed();
            }));
        }
        go.countDown();
        int allowed = 0;
        for (Future<Boolean> result : results) {
            allowed += result.get() ? 1 : 0;
        }
        threads.shutdown();
        assertEquals(5, allowed);
    }
}
