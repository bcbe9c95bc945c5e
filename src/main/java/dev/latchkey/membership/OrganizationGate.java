package dev.latchkey.membership;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.github.GitHubRefusedException;
import dev.latchkey.github.GitHubUnavailableException;
import dev.latchkey.user.GitHubIdentity;
import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Lets a GitHub identity in only as an active member of an allowed organization or team, checked with the token
 * GitHub has just issued before anything of the sign-in is written (or, for a password sign-in, with the linked
 * identity's stored token); without an allow-list everyone passes.
 */
@ApplicationScoped
public class OrganizationGate {

    private static final Logger LOG = Logger.getLogger(OrganizationGate.class.getName());

    @Inject
    MembershipSettings settings;

    @Inject
    MembershipCheck check;

    @Inject
    MembershipUpdates updates;

    @Inject
    MembershipRecords records;

    @Inject
    MembershipRechecks rechecks;

    @Inject
    MembershipWatch watch;

    @Inject
    Users users;

    @Inject
    AuditTrail audit;

    /**
     * Returns when the identity may sign in by {@code method}; otherwise throws a {@link MembershipRefusal}, audited
     * as {@code sign_in_refused} when GitHub answered (its silence is the caller's to report).
     */
    public Admission admit(GitHubIdentity identity, String token, String method) {
        return admit(identity, token, method, Optional.empty());
    }

    /**
     * As {@link #admit(GitHubIdentity, String, String)}; a refusal names {@code askingUserId}, the account linking.
     */
    public Admission admit(GitHubIdentity identity, String token, String method, Optional<Long> askingUserId) {
        AllowList allowed = settings.allowList();
        if (!allowed.checked()) {
            return Admission.UNCHECKED;
        }
        Optional<Examination> examination = examination(allowed, token);
        if (examination.isEmpty() || examination.get().admitted()) {
            return new Admission(examination.orElse(null));
        }
        // The user's sessions stay: this token may see less than their stored one (no read:org, no SSO), and
        // anyone holding such a token could otherwise sign them out; re-checks use the stored token.
        Optional<Long> known = users.findByGitHubId(identity.githubId()).map(User::id);
        Long userId = askingUserId.or(() -> known).orElse(null);
        refused(examination.get().verdict().reason(), method, allowed, identity.githubId(), identity.login(), userId);
        throw examination.get().verdict().refusal();
    }

    /** Records what the admitting check found for the user now signing in: their memberships and admin role. */
    public void admitted(long userId, Admission admission, String method) {
        admission.examination().ifPresent(examination -> {
            updates.verified(userId, examination, method);
            // This node's last read is older than what GitHub has just said.
            watch.forget(userId);
        });
    }

    /**
     * A password sign-in of {@code user} (whose password was right): it stands only for an account whose linked
     * GitHub identity passes, by a check still fresh or one made now with the stored token.
     */
    public void admitByPassword(User user) {
        AllowList allowed = settings.allowList();
        if (!allowed.active()) {
            return;
        }
        if (user.githubId() == null) {
            refused("no_github_identity", "password", allowed, null, null, user.id());
            throw MembershipRefusal.passwordNeedsGitHub();
        }
        Instant now = Instant.now();
        if (records.find(user.id()).filter(row -> row.freshMember(now, settings.checkInterval())).isPresent()) {
            return;
        }
        MembershipResult result = rechecks.recheck(user.id(), "password");
        if (result == MembershipResult.MEMBER) {
            return;
        }
        if (result == MembershipResult.GITHUB_UNAVAILABLE || result == MembershipResult.GITHUB_ERROR) {
            // GitHub silent: the last answer stands within the staleness bound, as it does for live sessions.
            if (records.find(user.id()).filter(row -> row.result() == MembershipResult.MEMBER
                    && !settings.stale(row.unverifiedSince(), now)).isPresent()) {
                return;
            }
            throw result == MembershipResult.GITHUB_UNAVAILABLE
                    ? MembershipRefusal.unavailable() : MembershipRefusal.checkFailed();
        }
        refused(result.code(), "password", allowed, user.githubId(), user.githubLogin(), user.id());
        throw MembershipRefusal.passwordNeedsGitHub();
    }

    private void refused(String reason, String method, AllowList allowed, Long githubId, String login, Long userId) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("method", method);
        detail.put("reason", reason);
        detail.put("allowed", allowed.describe());
        detail.put("github_id", githubId);
        detail.put("github_login", login);
        audit.record(AuditType.SIGN_IN_REFUSED, userId, userId, detail);
    }

    /**
     * What GitHub says; empty when only admin teams are asked about and GitHub fails (the sign-in goes on, the role
     * waits for the next check), else GitHub's failure refuses the sign-in.
     */
    private Optional<Examination> examination(AllowList allowed, String token) {
        try {
            return Optional.of(check.examine(allowed, token));
        } catch (GitHubUnavailableException e) {
            LOG.warning(() -> "GitHub did not answer an organization membership check: " + e.getMessage());
            if (!allowed.active()) {
                return Optional.empty();
            }
            throw MembershipRefusal.unavailable();
        } catch (GitHubRefusedException | ClassCastException | NullPointerException | ArithmeticException e) {
            LOG.warning(() -> "Could not check organization membership with GitHub: " + e.getMessage());
            if (!allowed.active()) {
                return Optional.empty();
            }
            throw MembershipRefusal.checkFailed();
        }
    }
}
