package dev.latchkey.auth;

import dev.latchkey.auth.session.Session;
import dev.latchkey.auth.session.SessionClaims;
import dev.latchkey.auth.session.SessionsEnded;
import dev.latchkey.user.User;
import dev.latchkey.user.UserChanged;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Remembers for at most {@code SESSION_CHECK_CACHE_MILLISECONDS} that a session token was verified and its session
 * found live, so most requests skip both the token's signature check and reading its rows.
 *
 * <p>Remembered by the token itself, as a servlet container keeps sessions by their id: only a token identical to
 * one verified before is recalled. It lives in memory only; never log it. Only acceptances are remembered, never
 * refusals. A session ended or a user changed through this server is
 * forgotten as its transaction completes, so this server refuses at once; a server sharing the database keeps
 * accepting it for at most the configured time (default 1 s, never more than 2 s).
 */
@ApplicationScoped
public class RecentSessionChecks {

    static final Duration LONGEST = Duration.ofSeconds(2);
    // Expired entries go every lifetime, so this bounds only the tokens in use within a second or two (~1.5 KB each).
    static final int MOST_REMEMBERED = 20_000;

    /**
     * A token's verified claims, the user and session rows accepted for it, and when their reading began
     * ({@link System#nanoTime()}).
     */
    public record Remembered(SessionClaims claims, User user, Session session, long readAt) {
    }

    /** Taken before reading the rows and handed to {@link #remember}: what had changed by then, and when. */
    public record Reading(long generation, long startedAt) {
    }

    @Inject
    @ConfigProperty(name = "SESSION_CHECK_CACHE_MILLISECONDS", defaultValue = "1000")
    long configuredMillis;

    private final Map<String, Remembered> byToken = new ConcurrentHashMap<>();
    // Moves on at every change, so rows read before a change committed are not remembered after it.
    private final AtomicLong generation = new AtomicLong();
    private LongSupplier clock = System::nanoTime;
    private long lifetimeNanos;
    private volatile long lastSweep;

    public RecentSessionChecks() {
    }

    RecentSessionChecks(Duration lifetime, LongSupplier clock) {
        this.clock = clock;
        this.lifetimeNanos = checked(lifetime).toNanos();
    }

    @PostConstruct
    void configure() {
        lifetimeNanos = checked(Duration.ofMillis(configuredMillis)).toNanos();
    }

    /** Created at start-up, so a bad setting stops the deployment rather than the first request. */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: being called creates the bean.
    }

    /** Taken before reading the rows, and handed to {@link #remember}. */
    public Reading beforeReading() {
        return new Reading(generation.get(), clock.getAsLong());
    }

    /** What was accepted for this very token, if it is recent enough; the caller still checks the clock. */
    public Optional<Remembered> recall(String token) {
        Remembered remembered = token == null ? null : byToken.get(token);
        if (remembered == null) {
            return Optional.empty();
        }
        if (clock.getAsLong() - remembered.readAt() >= lifetimeNanos) {
            byToken.remove(token, remembered);
            return Optional.empty();
        }
        return Optional.of(remembered);
    }

    /**
     * Remembers a verified token's claims and the rows just accepted for it, unless something changed since the
     * {@code reading} began. Its time counts from then, so a slow read does not stretch the bound.
     */
    public void remember(String token, SessionClaims claims, User user, Session session, Reading reading) {
        if (lifetimeNanos == 0) {
            return;
        }
        sweep();
        if (byToken.size() >= MOST_REMEMBERED) {
            byToken.clear();
        }
        // Copies: the rows' own objects may hold their persistence context, and are never shared by two requests.
        Remembered remembered = new Remembered(claims, user.copy(), session.copy(), reading.startedAt());
        byToken.put(token, remembered);
        // A change that committed while the rows were read may have forgotten before this put: undo it then.
        if (generation.get() != reading.generation()) {
            byToken.remove(token, remembered);
        }
    }

    void sessionsEnded(@Observes(during = TransactionPhase.AFTER_COMPLETION) SessionsEnded ended) {
        if (ended.sessionId() != null) {
            forget(remembered -> remembered.session().id().equals(ended.sessionId()));
        } else {
            forget(involving(ended.userId()));
        }
    }

    void userChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) UserChanged changed) {
        forget(involving(changed.userId()));
    }

    int size() {
        return byToken.size();
    }

    /** The user's own sessions and those in which they impersonate someone. */
    private static Predicate<Remembered> involving(long userId) {
        return remembered -> remembered.user().id() == userId
                || Objects.equals(remembered.session().impersonatorId(), userId);
    }

    private void forget(Predicate<Remembered> which) {
        generation.incrementAndGet();
        byToken.values().removeIf(which);
    }

    /** Drops the expired entries once per lifetime, so tokens no longer presented do not stay. */
    private void sweep() {
        long now = clock.getAsLong();
        if (now - lastSweep < lifetimeNanos) {
            return;
        }
        lastSweep = now;
        byToken.values().removeIf(remembered -> now - remembered.readAt() >= lifetimeNanos);
    }

    private static Duration checked(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.compareTo(LONGEST) > 0) {
            throw new IllegalStateException("SESSION_CHECK_CACHE_MILLISECONDS must be between 0 and "
                    + LONGEST.toMillis() + ", not " + lifetime.toMillis());
        }
        return lifetime;
    }
}
