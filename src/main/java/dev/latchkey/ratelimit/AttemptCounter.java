package dev.latchkey.ratelimit;

/**
 * Counts attempts per key in one-minute windows, atomically, so exactly the limit passes when attempts arrive at once.
 */
interface AttemptCounter {

    /** The outcome of one attempt: allowed, or refused with the seconds until the window ends. */
    record Decision(boolean allowed, long retryAfterSeconds) {

        static Decision of(int attempts, int limit, long millisLeft) {
            return attempts <= limit ? new Decision(true, 0)
                    : new Decision(false, Math.max(1, (millisLeft + 999) / 1000));
        }
    }

    /** Counts one attempt on the key and says whether it is within the limit. */
    Decision attempt(String key, int limit);

    /** Takes back one attempt counted in the key's current window: one that turned out not to count. */
    void forgive(String key);
}
