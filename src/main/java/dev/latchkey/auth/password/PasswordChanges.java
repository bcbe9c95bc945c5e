package dev.latchkey.auth.password;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.caller.AuthenticatedCaller;
import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Changes a signed-in user's password and ends their other sessions.
 */
@ApplicationScoped
class PasswordChanges {

    @Inject
    PasswordConfirmations confirmations;

    @Inject
    PasswordCredentials credentials;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditTrail audit;

    void change(AuthenticatedCaller caller, String currentPassword, String newPassword) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw new ApiException(400, "Enter your current password");
        }
        PasswordRules.requireValidPassword(newPassword);
        confirmations.confirm(caller.userId(), currentPassword, PasswordConfirmations.Purpose.CHANGE_PASSWORD);
        credentials.change(caller.userId(), hasher.hash(newPassword), caller.sessionId());
        audit.record(AuditType.PASSWORD_CHANGED, caller.userId(), caller.userId(), caller.withLinkedGitHub(Map.of()));
    }
}
