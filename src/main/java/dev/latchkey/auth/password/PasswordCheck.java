package dev.latchkey.auth.password;

import java.util.Optional;

/**
 * Checks a password against the credential found for an email, with one bcrypt verification whether or not one was
 * found: an unknown email costs as much time as a wrong password, so timing does not tell which emails exist.
 */
final class PasswordCheck {

    private final PasswordHasher hasher;

    PasswordCheck(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /** The credential if the password matches it; empty for a wrong password and for no credential alike. */
    Optional<PasswordCredential> matching(Optional<PasswordCredential> found, String password) {
        String hash = found.map(PasswordCredential::passwordHash).orElseGet(hasher::dummyHash);
        boolean verified = hasher.verify(password, hash);
        return verified ? found : Optional.empty();
    }
}
