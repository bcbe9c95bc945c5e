package dev.latchkey.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the keys derived from {@code SECRET_KEY} and refuses to start production without a strong one (and strong
 * {@code PREVIOUS_SECRET_KEYS}), or with an {@code APP_ENV} other than development or production.
 */
@ApplicationScoped
public class SecretKeys {

    static final int RANDOM_SECRET_BYTES = 48;
    static final String UNSET = "SECRET_KEY must be set to at least " + SecretStrength.MINIMUM_LENGTH
            + " characters when APP_ENV=production";

    private static final Logger LOG = Logger.getLogger(SecretKeys.class.getName());

    @Inject
    @ConfigProperty(name = "SECRET_KEY")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "APP_ENV", defaultValue = "development")
    String appEnv;

    @Inject
    @ConfigProperty(name = "PREVIOUS_SECRET_KEYS")
    Optional<String> previousSecretKeys;

    private byte[] signingKey;
    private String keyId;
    private String fernetKey;
    private Map<String, byte[]> signingKeysById;
    private List<String> previousFernetKeys;

    // CDI builds the bean and its proxy through this constructor, then injects the fields.
    protected SecretKeys() {
    }

    SecretKeys(Optional<String> secretKey, String appEnv) {
        this(secretKey, appEnv, Optional.empty());
    }

    SecretKeys(Optional<String> secretKey, String appEnv, Optional<String> previousSecretKeys) {
        this.secretKey = secretKey;
        this.appEnv = appEnv;
        this.previousSecretKeys = previousSecretKeys;
        derive();
    }

    @PostConstruct
    void derive() {
        String secret;
        List<String> previous = Arrays.stream(previousSecretKeys.orElse("").split(","))
                .map(String::trim).filter(key -> !key.isEmpty()).toList();
        try {
            secret = resolve(secretKey, appEnv);
            refuseWeakPrevious(previous, appEnv);
        } catch (IllegalStateException unsafe) {
            LOG.severe(unsafe.getMessage());
            throw unsafe;
        }
        signingKey = KeyDerivation.signingKey(secret);
        keyId = KeyDerivation.keyId(signingKey);
        fernetKey = KeyDerivation.fernetKey(secret);
        Map<String, byte[]> byId = new LinkedHashMap<>();
        byId.put(keyId, signingKey);
        previous.forEach(old -> {
            byte[] oldSigningKey = KeyDerivation.signingKey(old);
            byId.putIfAbsent(KeyDerivation.keyId(oldSigningKey), oldSigningKey);
        });
        signingKeysById = Map.copyOf(byId);
        previousFernetKeys = previous.stream().map(KeyDerivation::fernetKey).toList();
    }

    // Observing start-up makes the container build this bean then, so an unsafe production setup stops the deployment.
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> "Session signing key " + keyId + " in use");
    }

    /** Returns the secret to derive keys from, or fails fast when the configuration is unsafe. */
    static String resolve(Optional<String> secretKey, String appEnv) {
        if (!"development".equals(appEnv) && !"production".equals(appEnv)) {
            throw new IllegalStateException("APP_ENV must be development or production");
        }
        Optional<String> secret = secretKey.filter(value -> !value.isBlank());
        if ("production".equals(appEnv)) {
            String configured = secret.orElseThrow(() -> new IllegalStateException(UNSET));
            SecretStrength.of(configured).ifPresent(weak -> {
                throw new IllegalStateException(weak == SecretStrength.Weakness.TOO_SHORT ? UNSET
                        : weak.reason("SECRET_KEY"));
            });
            return configured;
        }
        return secret.orElseGet(() -> {
            LOG.warning("No SECRET_KEY set: using a random key; sessions and stored GitHub tokens"
                    + " will not survive a restart");
            return RandomTokens.urlSafe(RANDOM_SECRET_BYTES);
        });
    }

    /** In production every key still accepted must be as strong as {@code SECRET_KEY}: each is named by position. */
    static void refuseWeakPrevious(List<String> previous, String appEnv) {
        if (!"production".equals(appEnv)) {
            return;
        }
        for (int i = 0; i < previous.size(); i++) {
            String name = "PREVIOUS_SECRET_KEYS entry " + (i + 1);
            SecretStrength.of(previous.get(i)).ifPresent(weak -> {
                throw new IllegalStateException(weak.reason(name));
            });
        }
    }

    /** Returns a copy of the 32-byte HMAC key that signs session JWTs. */
    public byte[] signingKey() {
        return signingKey.clone();
    }

    /** Returns the public {@code kid} that names the signing key in JWT headers. */
    public String keyId() {
        return keyId;
    }

    /** The signing key a {@code kid} names: the current one or one derived from {@code PREVIOUS_SECRET_KEYS}. */
    public Optional<byte[]> signingKeyFor(String kid) {
        return Optional.ofNullable(kid).map(signingKeysById::get).map(byte[]::clone);
    }

    /** The ids of every accepted signing key, the current one included. */
    public java.util.Set<String> signingKeyIds() {
        return signingKeysById.keySet();
    }

    /** The Fernet keys of {@code PREVIOUS_SECRET_KEYS}, still accepted for reading stored GitHub tokens. */
    public List<String> previousFernetKeys() {
        return previousFernetKeys;
    }

    /** Returns the Fernet key, compatible with the Python systems, that encrypts stored GitHub tokens. */
    public String fernetKey() {
        return fernetKey;
    }

    public boolean production() {
        return "production".equals(appEnv);
    }
}
