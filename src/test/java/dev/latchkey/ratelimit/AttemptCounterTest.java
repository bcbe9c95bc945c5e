package dev.latchkey.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class AttemptCounterTest {

    @Test
    void aRefusalNeverAsksToWaitLongerThanTheWindow() {
        // A count that waited behind the attempt opening the window reads a clock from just before it began.
        AttemptCounter.Decision refused = AttemptCounter.Decision.of(6, 5, 60_020);
        assertFalse(refused.allowed());
        assertEquals(60, refused.retryAfterSeconds());
    }

    @Test
    void aRefusalAtTheWindowsEndStillAsksForASecond() {
        assertEquals(1, AttemptCounter.Decision.of(6, 5, 0).retryAfterSeconds());
        assertEquals(1, AttemptCounter.Decision.of(6, 5, -5).retryAfterSeconds());
        assertEquals(2, AttemptCounter.Decision.of(6, 5, 1_001).retryAfterSeconds());
    }
}
