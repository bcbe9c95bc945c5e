package dev.latchkey.account;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.auth.github.GitHubLinks;
import dev.latchkey.auth.password.PasswordCredentials;
import dev.latchkey.user.User;
import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * The ways a user signs in to their one account (GitHub, a password), and unlinking GitHub from it.
 */
@ApplicationScoped
public class SignInMethods {

    @Inject
    GitHubLinks github;

    @Inject
    PasswordCredentials passwords;

    @Inject
    AuditTrail audit;

    /** {@code {"accounts":[{"provider":"github","login","email","scopes"},{"provider":"password","email"}]}}. */
    public JsonObject list(User user) {
        JsonArrayBuilder accounts = Json.createArrayBuilder();
        github.describe(user).ifPresent(linked -> accounts.add(Json.createObjectBuilder()
                .add("provider", "github")
                .add("login", linked.login())
                .add("email", linked.email() == null ? JsonValue.NULL : Json.createValue(linked.email()))
                .add("scopes", Json.createArrayBuilder(linked.scopes()))));
        passwords.find(user.id()).ifPresent(password -> accounts.add(Json.createObjectBuilder()
                .add("provider", "password")
                .add("email", password.email())));
        return Json.createObjectBuilder().add("accounts", accounts).build();
    }

    /** Unlinks GitHub, revoking its token at GitHub, unless it is the only way into the account. */
    void unlinkGitHub(User user) {
        if (!user.hasGitHub()) {
            throw new ApiException(404, "No GitHub account is linked to this user");
        }
        if (passwords.find(user.id()).isEmpty()) {
            throw new ApiException(409, "GitHub is the only way to sign in to this account, so it cannot be unlinked");
        }
        github.revokeStoredToken(user.id());
        github.unlink(user.id());
        audit.record(AuditType.ACCOUNT_UNLINKED, user.id(), user.id(),
                Map.of("provider", "github", "login", String.valueOf(user.githubLogin())));
    }
}
