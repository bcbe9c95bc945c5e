package dev.latchkey.auth.password;

import dev.latchkey.user.User;
import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Registers a user with an email and password: one account per email, even when registrations race.
 */
@ApplicationScoped
class Registrations {

    static final String EMAIL_TAKEN = "Email already registered";

    @Inject
    PasswordCredentials credentials;

    @Inject
    PasswordHasher hasher;

    User register(String email, String password, String name) {
        String displayEmail = PasswordRules.validEmail(email);
        PasswordRules.requireValidPassword(password);
        String displayName = PasswordRules.validName(name);
        String normalized = PasswordRules.normalizedEmail(displayEmail);
        // Checked first so a taken email costs no hashing; the unique index is what decides races.
        if (credentials.findByEmail(normalized).isPresent()) {
            throw new ApiException(400, EMAIL_TAKEN);
        }
        String hash = hasher.hash(password);
        try {
            return credentials.register(displayEmail, normalized, displayName, hash);
        } catch (RuntimeException lostRace) {
            if (credentials.findByEmail(normalized).isPresent()) {
                throw new ApiException(400, EMAIL_TAKEN);
            }
            throw lostRace;
        }
    }
}
