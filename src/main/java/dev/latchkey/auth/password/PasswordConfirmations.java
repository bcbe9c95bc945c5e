package dev.latchkey.auth.password;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.ratelimit.RateLimits;
import dev.latchkey.ratelimit.TooManyRequestsException;
import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;

/**
 * Confirms that a signed-in user typed their own password before a change only they may make; wrong passwords are
 * counted per account like sign-ins, so a stolen session is no unlimited oracle, and audited for the user to see.
 */
@ApplicationScoped
public class PasswordConfirmations {

    /** What a password confirms, recorded with a refused one. */
    public enum Purpose {
        CHANGE_PASSWORD, DELETE_ACCOUNT;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    PasswordCredentials credentials;

    @Inject
    PasswordHasher hasher;

    @Inject
    RateLimits limits;

    @Inject
    AuditTrail audit;

    /**
     * Returns when {@code password} is the user's: 400 when the account has none, 403 "Invalid credentials" when it
     * does not match (403, not 401: the session stays good, only this confirmation failed), 429 once the account had
     * its limit of wrong ones this minute. Hashes, so runs on the hashing pool.
     */
    public void confirm(long userId, String password, Purpose purpose) {
        PasswordCredential credential = credentials.find(userId)
                .orElseThrow(() -> new ApiException(400, "This account has no password"));
        // Counted before the hash, so exactly the limit is checked when guesses arrive at once; a right one is
        // taken back, as only wrong ones are limited.
        String account = "password-confirmation:" + userId;
        try {
            limits.attemptOnAccount(RateLimits.Action.SIGN_IN, account);
        } catch (TooManyRequestsException tooMany) {
            throw refused(userId, purpose, tooMany);
        }
        if (!hasher.verify(password, credential.passwordHash())) {
            throw refused(userId, purpose, new ApiException(403, PasswordLogins.INVALID_CREDENTIALS));
        }
        limits.forgiveOnAccount(RateLimits.Action.SIGN_IN, account);
    }

    private ApiException refused(long userId, Purpose purpose, ApiException failure) {
        audit.record(AuditType.PASSWORD_CONFIRMATION_FAILED, userId, userId, Map.of("purpose", purpose.value(),
                "reason", failure.detail(), "status", failure.status()));
        return failure;
    }
}
