package dev.latchkey.membership;

import dev.latchkey.auth.session.SessionEndReason;
import dev.latchkey.auth.session.SessionsEnded;
import dev.latchkey.user.User;
import dev.latchkey.user.UserChanged;
import dev.latchkey.web.RequestPool;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    /** How long this node goes by its last read of a row: another node's webhook or sign-in shows within it. */
    private static final Duration REREAD = Duration.ofMinutes(1);
    /** Checks wait on GitHub, not on the processor; their own threads keep them off the webhooks' and requests'. */
    private static final int THREADS = 4;
    private static final int QUEUE_LENGTH = 1000;

    @Inject
    MembershipSettings settings;

    @Inject
    MembershipRecords records;

    @Inject
    MembershipRechecks rechecks;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ContextService context;

    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();
    private RequestPool pool;

    /**
     * What this node last read of a user's check, and when: when the next check is due, since when membership is
     * unconfirmed, what was found, and whether this node is checking now.
     */
    private record Watched(Instant readAt, Instant dueAt, Instant unverifiedSince, List<String> found,
                           AtomicBoolean checking) {
    }

    @PostConstruct
    void start() {
        // A check still queued after a minute is dropped: the next request of the user queues another.
        pool = new RequestPool(THREADS, QUEUE_LENGTH, REREAD, "Too many membership checks at once", threads, context);
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
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
        if (now.isBefore(user.dueAt())) {
            return Optional.empty();
        }
        if (settings.allowList().active() && settings.stale(user.unverifiedSince(), now)) {
            MembershipResult result = rechecks.recheck(userId, "check");
            forget(userId);
            return ended(result);
        }
        if (user.checking().compareAndSet(false, true)) {
            // Refused when the queue is full: this node's next read of the row, within a minute, tries again.
            pool.submit(() -> checkInBackground(userId));
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

    private Void checkInBackground(long userId) {
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
        return null;
    }

    private Watched watched(long userId) {
        Instant now = Instant.now();
        Watched known = watched.get(userId);
        if (known != null && now.isBefore(known.readAt().plus(REREAD))) {
            return known;
        }
        Watched read = records.find(userId)
                .map(row -> new Watched(now, row.dueAt(), row.unverifiedSince(), row.found(), new AtomicBoolean()))
                .orElseGet(() -> new Watched(now, now, now, List.of(), new AtomicBoolean()));
        if (watched.size() >= MAX_WATCHED) {
            watched.clear();
        }
        watched.put(userId, read);
        return read;
    }

    void forget(long userId) {
        watched.remove(userId);
    }
}
