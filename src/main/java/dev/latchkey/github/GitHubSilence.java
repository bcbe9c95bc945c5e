package dev.latchkey.github;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps a sign-in that queued for a thread of the sign-in pool within one {@code GITHUB_TIMEOUT_SECONDS} of its
 * arrival: its first call to GitHub gets only what is left of it, less a moment kept for answering, and fails at once
 * if GitHub left another call unanswered while it queued.
 *
 * <p>Without it, N sign-ins over a pool of P threads on a silent GitHub are answered in rounds: the last after about
 * N / P timeouts, not one.
 */
@ApplicationScoped
public class GitHubSilence {

    /** When the work on this thread queued ({@link System#nanoTime()}), until its first call to GitHub. */
    private static final ThreadLocal<Long> QUEUED_AT = new ThreadLocal<>();

    /** At most this much of the timeout is kept for writing the answer after GitHub's silence (a tenth at most). */
    static final Duration KEPT_FOR_ANSWERING = Duration.ofMillis(250);

    private volatile Long lastUnanswered;

    /** Runs {@code work}, queued at {@code queuedAt} ({@link System#nanoTime()}), within its first call's bound. */
    public <T> T runQueuedAt(long queuedAt, Supplier<T> work) {
        QUEUED_AT.set(queuedAt);
        try {
            return work.get();
        } finally {
            QUEUED_AT.remove();
        }
    }

    /**
     * The timeout of the call about to be sent, if it is the first of queued work: what is left of {@code timeout}
     * since it queued, less the time kept for answering. Fails as unavailable when nothing is left or another call
     * went unanswered since then.
     */
    Optional<Duration> beforeCall(Duration timeout) {
        Long queuedAt = QUEUED_AT.get();
        if (queuedAt == null) {
            return Optional.empty();
        }
        QUEUED_AT.remove();
        Long unanswered = lastUnanswered;
        if (unanswered != null && unanswered - queuedAt > 0) {
            throw new GitHubUnavailableException("GitHub left another call unanswered while this one queued");
        }
        long kept = Math.min(KEPT_FOR_ANSWERING.toNanos(), timeout.toNanos() / 10);
        long left = timeout.toNanos() - kept - (System.nanoTime() - queuedAt);
        if (left <= 0) {
            throw new GitHubUnavailableException("The sign-in queued for longer than GitHub's timeout");
        }
        return Optional.of(Duration.ofNanos(left));
    }

    /** GitHub did not answer a call: timed out, refused or dropped the connection. */
    void unanswered() {
        lastUnanswered = System.nanoTime();
    }
}
