package dev.latchkey.ratelimit;

import java.time.Duration;

/**
 * Counts attempts per key in one-minute windows, atomically, so exactly the limit passes when attempts arrive at once.
 */
interface AttemptCounter {

    /** The length of every window. */
    Duration WINDOW = Duration.ofMinutes(1);

    /** The outcome of one attempt: allowed, or refused with the seconds until the window ends. */
    record Decision(boolean allowed, long retryAfterSeconds) {

        static Decision of(int attempts, int limit, long millisLeft) {
            // An attempt that waited for the window's row behind the one that opened it reads the clock from before
            // the window began, and would compute more than the window's length left.
            long secondsLeft = Math.min(WINDOW.toSeconds(), Math.max(1, (millisLeft + 999) / 1000));
            return attempts <= limit ? new Decision(true, 0) : new Decision(false, secondsLeft);
        }
    }

    /** Counts one attempt on the key and says whether it is within the limit. */
    Decision attempt(String key, int limit);

    /** Takes back one attempt counted in the key's current window: one that turned out not to count. */
    void forgive(String key);
}
