package dev.latchkey.membership;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.auth.session.SessionEndReason;
import dev.latchkey.auth.session.Sessions;
import dev.latchkey.user.User;
import dev.latchkey.user.UserChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies what a membership check (or a webhook) learnt to a user, in one transaction: their membership row, their
 * role from admin teams, and the end of all their sessions when they may no longer be let in; each change audited.
 */
@ApplicationScoped
class MembershipUpdates {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    MembershipRecords records;

    @Inject
    MembershipSettings settings;

    @Inject
    Sessions sessions;

    @Inject
    AuditTrail audit;

    @Inject
    Event<UserChanged> changed;

    /**
     * GitHub answered: records what it said, unless a later answer or webhook is recorded already; a refusal ends
     * every session of the user.
     */
    @Transactional
    void verified(long userId, Examination examination, String via) {
        Instant now = Instant.now();
        MembershipRecord row = records.locked(userId, now);
        if (row.changedSince(examination.askedAt())) {
            return;
        }
        boolean wasMember = row.result() == MembershipResult.MEMBER;
        MembershipResult result = MembershipResult.of(examination.verdict());
        row.verified(result, examination.found(), now, now.plus(settings.checkInterval()), examination.askedAt());
        role(row, examination.adminTeam(), via);
        if (!examination.admitted()) {
            end(userId, result, SessionEndReason.MEMBERSHIP_ENDED, via, wasMember);
        }
    }

    /** The user has no GitHub token to check with (never linked, or revoked): they must sign in with GitHub again. */
    @Transactional
    void uncheckable(long userId, String via) {
        Instant now = Instant.now();
        MembershipRecord row = records.locked(userId, now);
        boolean wasMember = row.result() == MembershipResult.MEMBER;
        row.verified(MembershipResult.NO_GITHUB_TOKEN, List.of(), now, now.plus(settings.checkInterval()), now);
        role(row, Optional.empty(), via);
        end(userId, MembershipResult.NO_GITHUB_TOKEN, SessionEndReason.MEMBERSHIP_UNVERIFIED, via, wasMember);
    }

    /**
     * GitHub could not be asked: what was known stands and the check is retried; once membership has gone
     * unconfirmed for longer than {@code MEMBERSHIP_MAX_STALE_HOURS}, every session of the user ends. True if so.
     */
    @Transactional
    boolean unverified(long userId, MembershipResult failure, String via) {
        Instant now = Instant.now();
        MembershipRecord row = records.locked(userId, now);
        row.unverified(failure, now, now.plus(settings.retryInterval()));
        if (settings.stale(row.unverifiedSince(), now)) {
            end(userId, failure, SessionEndReason.MEMBERSHIP_UNVERIFIED, via, true);
            return true;
        }
        return false;
    }

    /**
     * GitHub said (by webhook) that the user left these entries: they are struck from the row, and the user keeps
     * access only if what remains still lets them in; the next check is due at once.
     */
    @Transactional
    void left(long userId, List<String> entries, String via) {
        Instant now = Instant.now();
        MembershipRecord row = records.locked(userId, now);
        boolean wasMember = row.result() == MembershipResult.MEMBER;
        List<String> remaining = row.found().stream().filter(entry -> !entries.contains(entry)).toList();
        AllowList allowed = settings.allowList();
        Optional<String> adminTeam = remaining.stream()
                .filter(entry -> allowed.adminTeams().stream().anyMatch(team -> team.toString().equals(entry)))
                .findFirst();
        boolean admitted = !allowed.active() || adminTeam.isPresent() || remaining.stream()
                .anyMatch(entry -> allowed.organizations().contains(entry)
                        || allowed.teams().stream().anyMatch(team -> team.toString().equals(entry)));
        MembershipResult result = admitted ? MembershipResult.MEMBER : MembershipResult.NOT_A_MEMBER;
        row.struck(result, remaining, now);
        role(row, adminTeam, via);
        if (!admitted) {
            end(userId, result, SessionEndReason.MEMBERSHIP_ENDED, via, wasMember);
        }
    }

    /** Admin teams decide the role of whom they made admin; an admin made otherwise is never demoted here. */
    private void role(MembershipRecord row, Optional<String> adminTeam, String via) {
        User user = em.find(User.class, row.userId(), LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            return;
        }
        if (adminTeam.isPresent() && !user.admin()) {
            changeRole(user, User.ROLE_ADMIN, adminTeam.get(), via);
            row.adminByTeam(true);
        } else if (adminTeam.isEmpty() && row.adminByTeam() && user.admin()) {
            changeRole(user, User.ROLE_USER, null, via);
            row.adminByTeam(false);
        } else if (!user.admin()) {
            row.adminByTeam(false);
        }
    }

    private void changeRole(User user, String role, String team, String via) {
        String previous = user.role();
        user.changeRole(role, Instant.now());
        changed.fire(new UserChanged(user.id()));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", previous);
        detail.put("to", role);
        detail.put("by", "github_team");
        detail.put("team", team);
        detail.put("via", via);
        audit.recordWithin(AuditType.ROLE_CHANGED, null, user.id(), detail);
    }

    /**
     * Ends the user's sessions, and those in which they act as someone else; audited when some were live or the user
     * was a member until now. Admin teams alone (no allow-list) decide roles only, never who gets in.
     */
    private void end(long userId, MembershipResult result, SessionEndReason reason, String via, boolean wasMember) {
        if (!settings.allowList().active()) {
            return;
        }
        int ended = sessions.revokeAll(userId, reason);
        if (ended == 0 && !wasMember) {
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("result", result.code());
        detail.put("allowed", settings.allowList().describe());
        detail.put("sessions_ended", ended);
        detail.put("via", via);
        audit.recordWithin(AuditType.MEMBERSHIP_ENDED, null, userId, detail);
    }
}
