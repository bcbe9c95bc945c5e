package dev.latchkey.membership;

import dev.latchkey.auth.session.SessionEndReason;
import dev.latchkey.auth.session.SessionsEnded;
import dev.latchkey.user.User;
import dev.latchkey.user.UserChanged;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps signed-in users' memberships checked while their sessions are used: a request finding the check due starts
 * it in the background and goes on with the last result; only membership unconfirmed for longer than
 * {@code MEMBERSHIP_MAX_STALE_HOURS} makes a request wait for GitHub.
 */
@ApplicationScoped
public class MembershipWatch {

    private static final Logger LOG = Logger.getLogger(MembershipWatch.class.getName());
    /** Users this node remembers; past it, it forgets them all and reads their rows again as they come. */
    private static final int MAX_WATCHED = 100_000;

    @Inject
    MembershipSettings settings;

    @Inject
    MembershipRecords records;

    @Inject
    MembershipRechecks rechecks;

    @Resource
    ManagedExecutorService executor;

    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();

    /** What this node last read of a user's check: when to look again, since when unconfirmed, what was found. */
    private record Watched(Instant lookAt, Instant unverifiedSince, List<String> found, AtomicBoolean checking) {
    }

    /**
     * Under an allow-list, an account without a GitHub identity cannot be checked: its sessions may only link GitHub
     * (or sign out, or leave), and every other request is refused with the returned detail.
     */
    public Optional<String> confinement(User user) {
        return settings.allowList().active() && user.githubId() == null
                ? Optional.of(MembershipRefusal.PASSWORD_NEEDS_GITHUB) : Optional.empty();
    }

    /**
     * Called for every request of a live session of a user with a GitHub identity: empty when it may go on, else why
     * their sessions ended now (membership unconfirmed for too long, and GitHub now says no or does not answer).
     */
    public Optional<SessionEndReason> onRequest(User signedIn) {
        if (!settings.allowList().checked() || signedIn.githubId() == null) {
            return Optional.empty();
        }
        long userId = signedIn.id();
        Instant now = Instant.now();
        Watched user = watched(userId);
        if (now.isBefore(user.lookAt())) {
            return Optional.empty();
        }
        if (settings.allowList().active() && settings.stale(user.unverifiedSince(), now)) {
            MembershipResult result = rechecks.recheck(userId, "check");
            forget(userId);
            return ended(result);
        }
        if (user.checking().compareAndSet(false, true)) {
            try {
                executor.execute(() -> checkInBackground(userId));
            } catch (RejectedExecutionException busy) {
                user.checking().set(false);
            }
        }
        return Optional.empty();
    }

    /** The allowed entries the user was found in at the last check this node read ({@code orgs} of /auth/me). */
    public List<String> found(long userId) {
        return settings.allowList().checked() ? watched(userId).found() : List.of();
    }

    void sessionsEnded(@Observes SessionsEnded ended) {
        if (ended.userId() != null) {
            forget(ended.userId());
        }
    }

    void userChanged(@Observes UserChanged changed) {
        forget(changed.userId());
    }

    private static Optional<SessionEndReason> ended(MembershipResult result) {
        if (result == MembershipResult.MEMBER) {
            return Optional.empty();
        }
        return Optional.of(result.refusal() && result != MembershipResult.NO_GITHUB_TOKEN
                ? SessionEndReason.MEMBERSHIP_ENDED : SessionEndReason.MEMBERSHIP_UNVERIFIED);
    }

    private void checkInBackground(long userId) {
        try {
            Instant now = Instant.now();
            if (records.claim(userId, now, now.plus(settings.checkInterval()))) {
                rechecks.recheck(userId, "check");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A membership check failed; it is tried again at the next request", e);
        } finally {
            forget(userId);
        }
    }

    private Watched watched(long userId) {
        Watched known = watched.get(userId);
        if (known != null) {
            return known;
        }
        Instant now = Instant.now();
        Watched read = records.find(userId)
                .map(row -> new Watched(row.dueAt(), row.unverifiedSince(), row.found(), new AtomicBoolean()))
                .orElseGet(() -> new Watched(now, now, List.of(), new AtomicBoolean()));
        if (watched.size() >= MAX_WATCHED) {
            watched.clear();
        }
        Watched raced = watched.putIfAbsent(userId, read);
        return raced != null ? raced : read;
    }

    /** Makes this node read the user's row again at their next request. */
    void forget(long userId) {
        watched.remove(userId);
    }
}
