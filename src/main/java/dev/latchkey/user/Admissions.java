package dev.latchkey.user;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a user whose credentials were accepted into a new session: a banned user is refused (and the refusal
 * audited), and a user named in {@code ADMIN_GITHUB_IDS}, {@code ADMIN_GITHUB_LOGINS} or {@code ADMIN_EMAILS} becomes
 * an admin. Listed logins and addresses count only when GitHub has just described the account in this sign-in; see
 * {@link GitHubDescription}.
 */
@ApplicationScoped
public class Admissions {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    ConfiguredAdmins configured;

    @Inject
    AdminGitHubLogins logins;

    @Inject
    AuditTrail audit;

    @Inject
    Event<UserChanged> changed;

    /**
     * The user, admitted; 403 with the ban message when a ban is in force. {@code description} says whether GitHub
     * described the linked account in this very sign-in ({@link GitHubDescription#JUST_DESCRIBED_BY_GITHUB}: listed
     * logins and addresses count, a listed login may be bound) or not ({@link GitHubDescription#STORED_ONLY}: only the
     * stored numeric id counts, by {@code ADMIN_GITHUB_IDS} or a login binding already made to it).
     */
    @Transactional
    public User admit(long userId, String method, GitHubDescription description) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new ApiException(401, "User not found");
        }
        refuseIfBanned(user, method);
        Optional<String> setting = configured.setting(user, description, holders);
        if (!user.admin() && setting.isPresent()) {
            user.changeRole(User.ROLE_ADMIN, Instant.now());
            changed.fire(new UserChanged(userId));
            audit.recordWithin(AuditType.ROLE_CHANGED, null, userId, Map.of("from", User.ROLE_USER,
                    "to", User.ROLE_ADMIN, "by", "configuration", "setting", setting.get()));
        }
        return user;
    }

    /** Refuses a banned user before anything of theirs is written (a GitHub token, for example). */
    public void refuseIfBanned(User user, String method) {
        user.banAt(Instant.now()).ifPresent(ban -> {
            audit.record(AuditType.SIGN_IN_FAILED, user.id(), user.id(), Map.of("method", method, "reason", "banned"));
            throw new BannedException(ban);
        });
    }

    private final ConfiguredAdmins.LoginHolders holders = new ConfiguredAdmins.LoginHolders() {
        @Override
        public long holderOf(String login, long githubId) {
            return Admissions.this.holderOf(login, githubId);
        }

        @Override
        public Optional<Long> boundHolder(String login) {
            return logins.holder(login);
        }
    };

    private long holderOf(String login, long githubId) {
        return logins.holder(login).orElseGet(() -> {
            try {
                logins.bind(login, githubId);
                return githubId;
            } catch (RuntimeException boundMeanwhile) {
                // Another node or request bound it first: the primary key refused this one, the row says whose it is.
                return logins.holder(login).orElseThrow(() -> boundMeanwhile);
            }
        });
    }
}
