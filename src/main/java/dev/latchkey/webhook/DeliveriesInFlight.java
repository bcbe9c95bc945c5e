package dev.latchkey.webhook;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The deliveries whose bodies are being read, at most a few at once. A place is given back when its delivery
 * settles; one still held after {@code stale} (a container that never reported the end) is taken back, so lost
 * callbacks can never close the endpoint for good.
 */
final class DeliveriesInFlight {

    private final int max;
    private final long staleNanos;
    private final LongSupplier nanoClock;
    private final Map<Object, Long> entered = new IdentityHashMap<>();

    DeliveriesInFlight(int max, Duration stale, LongSupplier nanoClock) {
        this.max = max;
        this.staleNanos = stale.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Takes a place for {@code delivery}; false when all are taken. */
    synchronized boolean enter(Object delivery) {
        long now = nanoClock.getAsLong();
        entered.values().removeIf(since -> now - since > staleNanos);
        if (entered.size() >= max) {
            return false;
        }
        entered.put(delivery, now);
        return true;
    }

    /** Gives the place back; giving it back again changes nothing. */
    synchronized void leave(Object delivery) {
        entered.remove(delivery);
    }
}
