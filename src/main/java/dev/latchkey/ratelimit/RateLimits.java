package dev.latchkey.ratelimit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits sign-in attempts per client address and per account within one-minute windows, counted in the database
 * (for every node sharing it) or in this server's memory, as {@code RATE_LIMIT_STORE} says.
 */
@ApplicationScoped
public class RateLimits {

    /** What is being attempted; each has its own limit. */
    public enum Action { SIGN_IN, GITHUB }

    @Inject
    @ConfigProperty(name = "RATE_LIMIT_SIGNIN_PER_MINUTE", defaultValue = "5")
    int signInPerMinute;

    @Inject
    @ConfigProperty(name = "RATE_LIMIT_GITHUB_PER_MINUTE", defaultValue = "30")
    int githubPerMinute;

    @Inject
    @ConfigProperty(name = "RATE_LIMIT_STORE", defaultValue = "database")
    String store;

    @Inject
    DatabaseWindows database;

    private AttemptCounter counter;

    @PostConstruct
    void init() {
        counter = switch (RateLimitStore.parse(store)) {
            case DATABASE -> database;
            case MEMORY -> new FixedWindowCounter(AttemptCounter.WINDOW, Instant::now);
        };
    }

    /** Created at start-up, so a misspelt store stops the deployment rather than quietly picking one. */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: being called creates the bean.
    }

    /**
     * Counts an attempt from this client address (an IPv6 one with its whole /64); throws 429 over the limit, 503
     * when the database cannot count it.
     */
    public void attemptFromAddress(Action action, String clientAddress) {
        check(counter.attempt(action + "|ip|" + AddressBuckets.of(clientAddress), limit(action)));
    }

    /** Counts an attempt on this account (an email, a GitHub id...); throws 429 over the limit, 503 as above. */
    public void attemptOnAccount(Action action, String account) {
        check(counter.attempt(action + "|account|" + account.trim().toLowerCase(Locale.ROOT), limit(action)));
    }

    /**
     * Takes back an attempt on this account that turned out not to count: a right password, where only wrong ones
     * are limited. Counting first and taking back after keeps the limit exact when attempts arrive at once.
     */
    public void forgiveOnAccount(Action action, String account) {
        counter.forgive(action + "|account|" + account.trim().toLowerCase(Locale.ROOT));
    }

    private int limit(Action action) {
        return action == Action.GITHUB ? githubPerMinute : signInPerMinute;
    }

    private static void check(AttemptCounter.Decision decision) {
        if (!decision.allowed()) {
            throw new TooManyRequestsException(decision.retryAfterSeconds());
        }
    }
}
