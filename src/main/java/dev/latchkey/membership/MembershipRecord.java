package dev.latchkey.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A user's last organization membership check: its result, the allowed entries they were found in, when GitHub last
 * answered, and when the next check is due.
 */
@Entity
@Table(name = "membership_checks")
public class MembershipRecord {

    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(nullable = false)
    private String result;

    @Column
    private String failure;

    @Column(nullable = false)
    private String found;

    @Column(name = "admin_by_team", nullable = false)
    private boolean adminByTeam;

    protected MembershipRecord() {
    }

    MembershipRecord(long userId, Instant now, Instant dueAt) {
        this.userId = userId;
        this.createdAt = now;
        this.checkedAt = now;
        this.dueAt = dueAt;
        this.result = MembershipResult.NOT_CHECKED.code();
        this.found = "";
    }

    /** GitHub answered what it was asked at {@code askedAt}: the result and what was found replace the last ones. */
    void verified(MembershipResult newResult, List<String> entries, Instant now, Instant nextDue, Instant askedAt) {
        result = newResult.code();
        failure = null;
        found = String.join(" ", entries);
        checkedAt = now;
        verifiedAt = now;
        changedAt = askedAt;
        dueAt = nextDue;
    }

    /**
     * GitHub said by webhook that the user left some entries: {@code remaining} replaces what was found, and the
     * next check is due at once; it confirms nothing, so the staleness clock ({@code verified_at}) stays.
     */
    void struck(MembershipResult newResult, List<String> remaining, Instant now) {
        result = newResult.code();
        found = String.join(" ", remaining);
        changedAt = now;
        dueAt = now;
    }

    /**
     * Whether the row holds GitHub's word from after {@code askedAt} (an answer asked for later, or a webhook): an
     * answer asked for then is out of date.
     */
    boolean changedSince(Instant askedAt) {
        return changedAt != null && changedAt.isAfter(askedAt);
    }

    /** GitHub could not be asked: what was known stays, and the check is due again at {@code retryAt}. */
    void unverified(MembershipResult why, Instant now, Instant retryAt) {
        failure = why.code();
        checkedAt = now;
        dueAt = retryAt;
    }

    void adminByTeam(boolean byTeam) {
        adminByTeam = byTeam;
    }

    public long userId() {
        return userId;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    /** When GitHub last answered a check of this user; null if it never did. */
    public Instant verifiedAt() {
        return verifiedAt;
    }

    /** What GitHub said at the last answered check ({@code not_checked} before any). */
    public MembershipResult result() {
        return MembershipResult.of(result);
    }

    /** How the last attempt failed ({@code github_unavailable}, {@code github_error}), if it did. */
    public Optional<MembershipResult> failure() {
        return Optional.ofNullable(failure).map(MembershipResult::of);
    }

    /** The allowed and admin entries the user was found an active member of at the last answered check. */
    public List<String> found() {
        return found.isEmpty() ? List.of() : Arrays.asList(found.split(" "));
    }

    /**
     * Whether GitHub said "member" within {@code interval} and nothing failed since: a password sign-in may rely on it
     * without asking again.
     */
    boolean freshMember(Instant now, Duration interval) {
        return result() == MembershipResult.MEMBER && failure == null && verifiedAt != null
                && verifiedAt.plus(interval).isAfter(now);
    }

    /** Since when membership has gone unconfirmed by GitHub: the last answered check, else the first attempt. */
    Instant unverifiedSince() {
        return verifiedAt != null ? verifiedAt : createdAt;
    }

    boolean adminByTeam() {
        return adminByTeam;
    }
}
