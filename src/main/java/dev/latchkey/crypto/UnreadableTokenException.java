package dev.latchkey.crypto;

/** Thrown when a stored GitHub token cannot be decrypted, so the user has to sign in again. */
public class UnreadableTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    // No cause is chained: library messages may echo parts of the token, and stack traces end up in logs.
    public UnreadableTokenException() {
        super("Session expired \u2014 please log out and sign in again");
    }
}
