package dev.latchkey.github;

/**
 * GitHub did not answer: it timed out, or refused or dropped the connection (a 5xx is an answer: see
 * {@link GitHubRefusedException#serverError()}).
 */
public class GitHubUnavailableException extends RuntimeException {

    public GitHubUnavailableException(String message) {
        super(message, null, false, false);
    }
}
