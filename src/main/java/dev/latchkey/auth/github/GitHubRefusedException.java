package dev.latchkey.auth.github;

/**
 * GitHub answered, and refused: a 4xx status, or an OAuth {@code error} member in a 200 answer.
 */
public class GitHubRefusedException extends RuntimeException {

    private final int status;

    GitHubRefusedException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
