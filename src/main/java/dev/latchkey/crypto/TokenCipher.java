package dev.latchkey.crypto;

import com.macasaet.fernet.Key;
import com.macasaet.fernet.StringValidator;
import com.macasaet.fernet.Token;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAmount;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** Encrypts GitHub tokens at rest as Fernet tokens that the Python systems Latchkey replaces can also read. */
@ApplicationScoped
public class TokenCipher {

    private static final Logger LOG = Logger.getLogger(TokenCipher.class.getName());

    private static final Pattern LEGACY_PLAINTEXT =
            Pattern.compile("(?:ghp_|gho_|ghs_|ghu_|github_pat_)[A-Za-z0-9_]+");
    private static final int MAX_LEGACY_LENGTH = 255;

    private static final StringValidator NO_AGE_LIMIT = new NoAgeLimit();

    private Key key;
    private List<Key> previousKeys = List.of();

    // CDI proxies of normal-scoped beans need a no-argument constructor.
    protected TokenCipher() {
    }

    @Inject
    TokenCipher(SecretKeys secretKeys) {
        this(secretKeys.fernetKey(), secretKeys.previousFernetKeys());
    }

    public TokenCipher(String fernetKey) {
        this(fernetKey, List.of());
    }

    public TokenCipher(String fernetKey, List<String> previousFernetKeys) {
        key = new Key(fernetKey);
        previousKeys = previousFernetKeys.stream().map(Key::new).toList();
    }

    public String encrypt(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        return Token.generate(key, plaintext).serialise();
    }

    /** Reads a stored token, accepting Fernet tokens of any age and the plaintext tokens stored before encryption. */
    public StoredToken decrypt(String stored) {
        if (stored == null) {
            throw new UnreadableTokenException();
        }
        if (isLegacyPlaintext(stored)) {
            LOG.warning("A GitHub token is stored unencrypted; it will be encrypted at the user's next sign-in");
            return new StoredToken(stored, true);
        }
        Token token;
        try {
            token = Token.fromString(stored);
        } catch (RuntimeException e) {
            throw new UnreadableTokenException();
        }
        Optional<String> plaintext = open(token, key);
        if (plaintext.isPresent()) {
            return new StoredToken(plaintext.get(), false, false);
        }
        for (Key previous : previousKeys) {
            Optional<String> underPrevious = open(token, previous);
            if (underPrevious.isPresent()) {
                return new StoredToken(underPrevious.get(), false, true);
            }
        }
        // Bad base64, wrong key, tampering and bad padding all look alike to the user: sign in again.
        throw new UnreadableTokenException();
    }

    private static Optional<String> open(Token token, Key candidate) {
        try {
            return Optional.of(token.validateAndDecrypt(candidate, NO_AGE_LIMIT));
        } catch (RuntimeException wrongKeyOrTampered) {
            return Optional.empty();
        }
    }

    static boolean isLegacyPlaintext(String stored) {
        return stored.length() <= MAX_LEGACY_LENGTH && LEGACY_PLAINTEXT.matcher(stored).matches();
    }

    /** Validates Fernet tokens without the library's 60-second age limit, as data at rest needs. */
    private static final class NoAgeLimit implements StringValidator {

        /*
         * fernet-java8 computes now.minus(ttl) and now.plus(maxClockSkew) on Instant, which throws beyond
         * Instant's +/- 1 billion years (so Duration.ofSeconds(Long.MAX_VALUE) would fail every token). 100 million
         * years disables both checks for any real timestamp while staying far inside that range. The skew check
         * goes too: like Python's Fernet.decrypt without ttl, a token written by a server with a faster clock stays
         * readable; the HMAC, not the timestamp, is what protects data at rest.
         */
        private static final Duration UNLIMITED = ChronoUnit.MILLENNIA.getDuration().multipliedBy(100_000);

        @Override
        public TemporalAmount getTimeToLive() {
            return UNLIMITED;
        }

        @Override
        public TemporalAmount getMaxClockSkew() {
            return UNLIMITED;
        }
    }
}
