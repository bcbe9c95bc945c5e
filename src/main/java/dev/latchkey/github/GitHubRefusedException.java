package dev.latchkey.github;

/**
 * GitHub answered, and not with what was asked: a 4xx or 5xx status, or an OAuth {@code error} member (or an
 * unreadable body) in a 200 answer.
 */
public class GitHubRefusedException extends RuntimeException {

    private final int status;

    public GitHubRefusedException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** GitHub failed (5xx) rather than refused: the request may succeed later, and nothing is wrong with the token. */
    public boolean serverError() {
        return status >= 500;
    }
}
