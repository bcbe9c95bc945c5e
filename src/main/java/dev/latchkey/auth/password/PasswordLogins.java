package dev.latchkey.auth.password;

import dev.latchkey.ratelimit.RateLimits;
import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import dev.latchkey.web.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks an email and password, or a signed-in user's password, and brings weaker hashes up to the current cost.
 */
@ApplicationScoped
public class PasswordLogins {

    static final String INVALID_CREDENTIALS = "Invalid credentials";

    private static final Logger LOG = Logger.getLogger(PasswordLogins.class.getName());

    @Inject
    PasswordCredentials credentials;

    @Inject
    PasswordHasher hasher;

    @Inject
    Users users;

    @Inject
    RateLimits limits;

    private PasswordCheck check;

    @PostConstruct
    void init() {
        check = new PasswordCheck(hasher);
    }

    /** The user these credentials belong to; an unknown email and a wrong password give the same 401. */
    User login(String email, String password) {
        if (email == null || password == null) {
            throw new ApiException(400, "Enter your email and password");
        }
        // Per email as well as per address: guessing one account's password from many addresses is slowed too.
        limits.attemptOnAccount(RateLimits.Action.SIGN_IN, "email:" + PasswordRules.normalizedEmail(email));
        Optional<PasswordCredential> found = credentials.findByEmail(PasswordRules.normalizedEmail(email));
        PasswordCredential matched = check.matching(found, password)
                .orElseThrow(() -> new ApiException(401, INVALID_CREDENTIALS));
        if (hasher.needsRehash(matched.passwordHash())) {
            rehash(matched, password);
        }
        return users.find(matched.userId()).orElseThrow(() -> new ApiException(401, INVALID_CREDENTIALS));
    }

    private void rehash(PasswordCredential matched, String password) {
        try {
            credentials.rehash(matched.userId(), matched.passwordHash(), hasher.hash(password));
        } catch (RuntimeException e) {
            // The sign-in is good; the stronger hash waits for the next one.
            LOG.warning(() -> "Could not rehash a password at the current cost: " + e.getClass().getSimpleName());
        }
    }

    /** The user whose password account has this email, if any (to audit a refused sign-in against it). */
    Optional<Long> accountOf(String email) {
        return email == null ? Optional.empty()
                : credentials.findByEmail(PasswordRules.normalizedEmail(email)).map(PasswordCredential::userId);
    }

    public boolean hasPassword(long userId) {
        return credentials.find(userId).isPresent();
    }
}
