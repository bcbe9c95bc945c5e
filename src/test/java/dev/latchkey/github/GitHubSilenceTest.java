package dev.latchkey.github;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GitHubSilenceTest {

    private final GitHubSilence silence = new GitHubSilence();

    @Test
    void workQueuedBeforeAnUnansweredCallFailsAtItsFirstCallOnly() {
        long queuedAt = System.nanoTime();
        silence.unanswered();

        String outcome = silence.runQueuedAt(queuedAt, () -> {
            GitHubUnavailableException failed = assertThrows(GitHubUnavailableException.class, silence::beforeCall);
            assertEquals("GitHub left another call unanswered while this one queued", failed.getMessage());
            // Its first call was the one that stood for the queue: a later call is sent whatever happened since.
            assertDoesNotThrow(silence::beforeCall);
            return "done";
        });
        assertEquals("done", outcome);
    }

    @Test
    void workQueuedAfterTheLastUnansweredCallIsSent() {
        silence.unanswered();
        long queuedAt = System.nanoTime();

        silence.runQueuedAt(queuedAt, this::call);
    }

    @Test
    void callsNotQueuedOnTheSignInPoolAreAlwaysSent() {
        silence.unanswered();

        assertDoesNotThrow(silence::beforeCall);
        silence.runQueuedAt(System.nanoTime() - 1_000_000_000L, () -> "done");
        assertDoesNotThrow(silence::beforeCall, "the queue time is forgotten once the work is done");
    }

    @Test
    void withGitHubAnsweringNothingFails() {
        silence.runQueuedAt(System.nanoTime(), this::call);
    }

    private String call() {
        assertDoesNotThrow(silence::beforeCall);
        return "sent";
    }
}
