package dev.latchkey.membership;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.github.GitHubRefusedException;
import dev.latchkey.github.GitHubUnavailableException;
import dev.latchkey.user.GitHubIdentity;
import dev.latchkey.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Lets a GitHub identity in only as an active member of an allowed organization or team, checked with the token
 * GitHub has just issued, before anything of the sign-in is written; without an allow-list everyone passes.
 */
@ApplicationScoped
public class OrganizationGate {

    private static final Logger LOG = Logger.getLogger(OrganizationGate.class.getName());

    @Inject
    MembershipSettings settings;

    @Inject
    MembershipCheck check;

    @Inject
    Users users;

    @Inject
    AuditTrail audit;

    /**
     * Returns when the identity may sign in by {@code method}; otherwise throws a {@link MembershipRefusal}, audited
     * as {@code sign_in_refused} when GitHub answered (its silence is the caller's to report).
     */
    public void admit(GitHubIdentity identity, String token, String method) {
        admit(identity, token, method, Optional.empty());
    }

    /** As {@link #admit(GitHubIdentity, String, String)}; a refusal names {@code askingUserId}, the account linking. */
    public void admit(GitHubIdentity identity, String token, String method, Optional<Long> askingUserId) {
        AllowList allowed = settings.allowList();
        if (!allowed.active()) {
            return;
        }
        Verdict verdict = verdict(allowed, token);
        if (verdict.admitted()) {
            return;
        }
        Long userId = askingUserId.or(() -> users.findByGitHubId(identity.githubId()).map(user -> user.id()))
                .orElse(null);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("method", method);
        detail.put("reason", verdict.reason());
        detail.put("allowed", allowed.describe());
        detail.put("github_id", identity.githubId());
        detail.put("github_login", identity.login());
        audit.record(AuditType.SIGN_IN_REFUSED, userId, userId, detail);
        throw verdict.refusal();
    }

    private Verdict verdict(AllowList allowed, String token) {
        try {
            return check.verdict(allowed, token);
        } catch (GitHubUnavailableException e) {
            LOG.warning(() -> "GitHub did not answer an organization membership check: " + e.getMessage());
            throw MembershipRefusal.unavailable();
        } catch (GitHubRefusedException | ClassCastException | NullPointerException | ArithmeticException e) {
            LOG.warning(() -> "Could not check organization membership with GitHub: " + e.getMessage());
            throw MembershipRefusal.checkFailed();
        }
    }
}
