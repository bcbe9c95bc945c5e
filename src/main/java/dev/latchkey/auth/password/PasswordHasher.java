package dev.latchkey.auth.password;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import dev.latchkey.crypto.RandomTokens;
import dev.latchkey.web.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and verifies passwords with bcrypt at the configured cost, a few at a time.
 *
 * <p>Bcrypt is deliberately slow: without a bound, a burst of sign-ins would take every core from other requests.
 * At most {@code PASSWORD_HASHING_THREADS} hashes (half the cores) run at once; the others wait, and after 30 seconds
 * are told to try again.
 */
@ApplicationScoped
class PasswordHasher {

    static final String BUSY = "Too many sign-ins at once; try again in a moment";

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private static final BCrypt.Hasher HASHER = BCrypt.with(VERSION, LongPasswordStrategies.strict(VERSION));
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer();
    private static final Pattern COST = Pattern.compile("^\\$2[abxy]?\\$(\\d\\d)\\$");
    static final long WAIT_SECONDS = 30;
    private static final int MAX_CONCURRENCY = 64;

    @Inject
    @ConfigProperty(name = "BCRYPT_COST", defaultValue = "12")
    int cost;

    @Inject
    @ConfigProperty(name = "PASSWORD_HASHING_THREADS")
    Optional<Integer> configuredConcurrency;

    private int concurrency;
    private Semaphore permits;
    private String dummyHash;

    protected PasswordHasher() {
    }

    PasswordHasher(int cost, int concurrent) {
        this.cost = cost;
        init(concurrent);
    }

    @PostConstruct
    void init() {
        // Half the cores by default: session checks keep the rest while sign-ins hash (docs/BENCHMARKS.md, case 5).
        int concurrent = configuredConcurrency.orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        if (concurrent < 1 || concurrent > MAX_CONCURRENCY) {
            throw new IllegalStateException(
                    "PASSWORD_HASHING_THREADS must be between 1 and " + MAX_CONCURRENCY + ", not " + concurrent);
        }
        init(concurrent);
    }

    private void init(int concurrent) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalStateException("BCRYPT_COST must be between 4 and 31, not " + cost);
        }
        concurrency = concurrent;
        permits = new Semaphore(concurrent, true);
        dummyHash = hash(RandomTokens.urlSafe(32));
    }

    /** How many hashes may run at once. */
    int concurrency() {
        return concurrency;
    }

    String hash(String password) {
        return bounded(() -> HASHER.hashToString(cost, password.toCharArray()));
    }

    /** Whether the password matches the hash; one longer than bcrypt reads can match no stored hash. */
    boolean verify(String password, String hash) {
        if (!PasswordRules.fitsBcrypt(password)) {
            return false;
        }
        return bounded(() -> VERIFYER.verify(password.toCharArray(), hash.toCharArray()).verified);
    }

    /** A hash of the configured cost that no password matches, verified when an email is unknown. */
    String dummyHash() {
        return dummyHash;
    }

    /** True for a hash made with a lower cost than the configured one (or not readable as bcrypt). */
    boolean needsRehash(String hash) {
        return costOf(hash) < cost;
    }

    static int costOf(String hash) {
        Matcher matcher = COST.matcher(hash);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private <T> T bounded(Supplier<T> work) {
        try {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ApiException(503, BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, BUSY);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
