package dev.latchkey.auth.github;

/**
 * GitHub did not answer in time, refused the connection, or answered with a server error.
 */
public class GitHubUnavailableException extends RuntimeException {

    GitHubUnavailableException(String message) {
        super(message, null, false, false);
    }
}
