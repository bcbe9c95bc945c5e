package dev.latchkey.membership;

import dev.latchkey.github.GitHubRefusedException;
import dev.latchkey.github.GitHubUnavailableException;
import dev.latchkey.user.User;
import dev.latchkey.user.Users;
import dev.latchkey.vault.GitHubTokens;
import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks a known user's memberships again with their stored GitHub token, and applies what GitHub says: a refusal
 * ends their sessions, GitHub failing leaves them until the staleness bound.
 */
@ApplicationScoped
class MembershipRechecks {

    private static final Logger LOG = Logger.getLogger(MembershipRechecks.class.getName());

    @Inject
    MembershipSettings settings;

    @Inject
    MembershipCheck check;

    @Inject
    MembershipUpdates updates;

    @Inject
    Users users;

    @Inject
    GitHubTokens tokens;

    /** Checks now, whoever else checked lately, and returns the result it recorded. */
    MembershipResult recheck(long userId, String via) {
        Optional<String> token;
        try {
            token = users.find(userId).map(User::githubId).isPresent() ? tokens.readForUse(userId) : Optional.empty();
        } catch (ApiException tokenUnusable) {
            // 401: revoked, or a refresh GitHub refused; 503: GitHub silent during a refresh; else GitHub failing.
            if (tokenUnusable.status() != 401) {
                return unverified(userId, tokenUnusable.status() == 503
                        ? MembershipResult.GITHUB_UNAVAILABLE : MembershipResult.GITHUB_ERROR, via);
            }
            token = Optional.empty();
        }
        if (token.isEmpty()) {
            updates.uncheckable(userId, via);
            return MembershipResult.NO_GITHUB_TOKEN;
        }
        return examined(userId, token.get(), via);
    }

    private MembershipResult examined(long userId, String token, String via) {
        Examination examination;
        try {
            examination = check.examine(settings.allowList(), token);
        } catch (GitHubUnavailableException e) {
            LOG.warning(() -> "GitHub did not answer an organization membership check: " + e.getMessage());
            return unverified(userId, MembershipResult.GITHUB_UNAVAILABLE, via);
        } catch (GitHubRefusedException e) {
            if (e.status() == 401) {
                // The stored token no longer works: nothing can be checked with it.
                updates.uncheckable(userId, via);
                return MembershipResult.NO_GITHUB_TOKEN;
            }
            LOG.warning(() -> "Could not check organization membership with GitHub: " + e.getMessage());
            return unverified(userId, MembershipResult.GITHUB_ERROR, via);
        } catch (ClassCastException | NullPointerException | ArithmeticException e) {
            LOG.log(Level.WARNING, "GitHub described memberships in an unexpected form", e);
            return unverified(userId, MembershipResult.GITHUB_ERROR, via);
        }
        updates.verified(userId, examination, via);
        return MembershipResult.of(examination.verdict());
    }

    private MembershipResult unverified(long userId, MembershipResult failure, String via) {
        updates.unverified(userId, failure, via);
        return failure;
    }
}
