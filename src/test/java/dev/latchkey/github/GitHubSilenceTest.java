package dev.latchkey.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitHubSilenceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final GitHubSilence silence = new GitHubSilence();

    @Test
    void workQueuedBeforeAnUnansweredCallFailsAtItsFirstCallOnly() {
        long queuedAt = System.nanoTime();
        silence.unanswered();

        String outcome = silence.runQueuedAt(queuedAt, () -> {
            GitHubUnavailableException failed = assertThrows(GitHubUnavailableException.class,
                    () -> silence.beforeCall(TIMEOUT));
            assertEquals("GitHub left another call unanswered while this one queued", failed.getMessage());
            // Its first call was the one that stood for the queue: a later call is sent, with the whole timeout.
            assertEquals(Optional.empty(), silence.beforeCall(TIMEOUT));
            return "done";
        });
        assertEquals("done", outcome);
    }

    @Test
    void theFirstCallOfQueuedWorkGetsWhatIsLeftOfTheTimeoutSinceItQueued() {
        long queuedAt = System.nanoTime() - Duration.ofSeconds(3).toNanos();

        Duration left = silence.runQueuedAt(queuedAt, () -> silence.beforeCall(TIMEOUT).orElseThrow());
        assertTrue(left.compareTo(Duration.ofSeconds(2)) <= 0 && left.compareTo(Duration.ofMillis(1500)) > 0,
                "about 2 s left: " + left);
    }

    @Test
    void aMomentOfTheTimeoutIsKeptForAnswering() {
        Duration left = silence.runQueuedAt(System.nanoTime(), () -> silence.beforeCall(TIMEOUT).orElseThrow());
        assertTrue(left.compareTo(TIMEOUT.minus(GitHubSilence.KEPT_FOR_ANSWERING)) <= 0, "kept 250 ms: " + left);

        Duration shortTimeout = Duration.ofSeconds(1);
        Duration ofShort = silence.runQueuedAt(System.nanoTime(), () -> silence.beforeCall(shortTimeout).orElseThrow());
        assertTrue(ofShort.compareTo(Duration.ofMillis(900)) <= 0 && ofShort.compareTo(Duration.ofMillis(800)) > 0,
                "a tenth of a 1 s timeout kept: " + ofShort);
    }

    @Test
    void workQueuedAfterTheLastUnansweredCallIsSent() {
        silence.unanswered();
        long queuedAt = System.nanoTime();

        assertTrue(silence.runQueuedAt(queuedAt, () -> silence.beforeCall(TIMEOUT)).isPresent());
    }

    @Test
    void workThatQueuedForTheWholeTimeoutIsNotSentAtAll() {
        long queuedAt = System.nanoTime() - TIMEOUT.toNanos();

        GitHubUnavailableException failed = silence.runQueuedAt(queuedAt,
                () -> assertThrows(GitHubUnavailableException.class, () -> silence.beforeCall(TIMEOUT)));
        assertEquals("The sign-in queued for longer than GitHub's timeout", failed.getMessage());
    }

    @Test
    void callsNotQueuedOnTheSignInPoolKeepTheirTimeout() {
        silence.unanswered();

        assertEquals(Optional.empty(), silence.beforeCall(TIMEOUT));
        silence.runQueuedAt(System.nanoTime() - TIMEOUT.toNanos(), () -> "done");
        assertEquals(Optional.empty(), silence.beforeCall(TIMEOUT), "the queue time is forgotten after the work");
    }
}
