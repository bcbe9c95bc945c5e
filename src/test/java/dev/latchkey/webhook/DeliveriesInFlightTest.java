package dev.latchkey.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeliveriesInFlightTest {

    private final AtomicLong now = new AtomicLong();
    private final DeliveriesInFlight inFlight = new DeliveriesInFlight(2, Duration.ofSeconds(20), now::get);

    @Test
    void onlySoManyAtOnceAndAPlaceGivenBackIsFreeAgain() {
        Object first = new Object();
        assertTrue(inFlight.enter(first));
        assertTrue(inFlight.enter(new Object()));
        assertFalse(inFlight.enter(new Object()));

        inFlight.leave(first);
        inFlight.leave(first);
        assertTrue(inFlight.enter(new Object()));
        assertFalse(inFlight.enter(new Object()), "a place given back twice is still one place");
    }

    @Test
    void aPlaceNeverGivenBackIsTakenBackOnceStale() {
        inFlight.enter(new Object());
        inFlight.enter(new Object());
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        assertFalse(inFlight.enter(new Object()));

        now.addAndGet(1);
        assertTrue(inFlight.enter(new Object()));
    }
}
