package dev.latchkey.webhook;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.vault.GitHubTokens;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Honours a user's revocation of the app on GitHub ({@code github_app_authorization}, action {@code revoked}): their
 * stored GitHub token is deleted and all their sessions end, in the delivery's transaction, and it is audited.
 */
@ApplicationScoped
class GitHubAppRevocations {

    @Inject
    Users users;

    @Inject
    GitHubTokens tokens;

    @Inject
    Sessions sessions;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.MANDATORY)
    String apply(String deliveryId, JsonObject payload) {
        if (!"revoked".equals(payload.getString("action", null))) {
            return "ignored";
        }
        JsonValue sender = payload.get("sender");
        JsonValue id = sender instanceof JsonObject object ? object.get("id") : null;
        if (!(id instanceof JsonNumber number) || !number.isIntegral()) {
            return "ignored";
        }
        // Keyed by GitHub's numeric id, never by login.
        users.findByGitHubId(number.longValue()).ifPresent(user -> {
            boolean hadToken = tokens.delete(user.id());
            int ended = sessions.revokeAll(user.id());
            audit.recordWithin(AuditType.GITHUB_AUTHORIZATION_REVOKED, null, user.id(), Map.of(
                    "delivery", deliveryId, "github_id", number.longValue(), "token_deleted", hadToken,
                    "sessions_ended", ended));
        });
        return "processed";
    }
}
