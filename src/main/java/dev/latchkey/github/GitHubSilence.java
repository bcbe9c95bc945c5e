package dev.latchkey.github;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * When GitHub last left a call unanswered, so that a sign-in which queued for a thread meanwhile fails at once
 * instead of waiting a whole {@code GITHUB_TIMEOUT_SECONDS} of its own after the queue.
 *
 * <p>Without it, N sign-ins over a pool of P threads on a silent GitHub are answered in rounds: the last after about
 * N / P timeouts, not one.
 */
@ApplicationScoped
public class GitHubSilence {

    /** When the work on this thread queued ({@link System#nanoTime()}), until its first call to GitHub. */
    private static final ThreadLocal<Long> QUEUED_AT = new ThreadLocal<>();

    private volatile Long lastUnanswered;

    /**
     * Runs {@code work}, queued at {@code queuedAt} ({@link System#nanoTime()}): its first call to GitHub fails as
     * unavailable if another call went unanswered since then.
     */
    public <T> T runQueuedAt(long queuedAt, Supplier<T> work) {
        QUEUED_AT.set(queuedAt);
        try {
            return work.get();
        } finally {
            QUEUED_AT.remove();
        }
    }

    /** Called before each call to GitHub; only a thread's first call after it queued is checked. */
    void beforeCall() {
        Long queuedAt = QUEUED_AT.get();
        if (queuedAt == null) {
            return;
        }
        QUEUED_AT.remove();
        Long unanswered = lastUnanswered;
        if (unanswered != null && unanswered - queuedAt > 0) {
            throw new GitHubUnavailableException("GitHub left another call unanswered while this one queued");
        }
    }

    /** GitHub did not answer a call: timed out, refused or dropped the connection. */
    void unanswered() {
        lastUnanswered = System.nanoTime();
    }
}
