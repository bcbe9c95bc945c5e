package dev.latchkey.it;

import dev.latchkey.testing.github.FakeGitHub;
import java.io.File;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR under test: the build's own {@code ROOT.war}, plus one scenario's settings in a config source that
 * outranks the WAR's defaults and the environment.
 */
public final class LatchkeyDeployment {

    public static final String CLIENT_ID = "Iv1.latchkeytestclient";
    public static final String CLIENT_SECRET = "latchkey-test-client-secret-0123456789abcdef";
    public static final String SECRET_KEY = "integration-tests-secret-key-0123456789-abcdef";
    /** How long a server may go on accepting a session ended elsewhere: SESSION_CHECK_CACHE_MILLISECONDS. */
    public static final java.time.Duration SESSION_CHECK_CACHE = java.time.Duration.ofMillis(1000);
    /** In {@link #shared()}: GITHUB_WEBHOOK_SECRET. */
    public static final String WEBHOOK_SECRET = "It's a Secret to Everybody";
    /** In {@link #shared()}: the frontend CORS_ORIGINS allows. */
    public static final String CORS_FRONTEND = "https://app.example.com";
    /** In {@link #shared()}: the one login ADMIN_GITHUB_LOGINS lists, unique to this test run. */
    public static final String ADMIN_LOGIN = "root-impersonator-" + Long.toString(System.nanoTime(), 36);

    private static FakeGitHub github;

    private LatchkeyDeployment() {
    }

    /** The GitHub stub every scenario of this test run talks to, started on first use. */
    public static synchronized FakeGitHub github() {
        if (github == null) {
            github = FakeGitHub.start();
            github.registerApp(CLIENT_ID, CLIENT_SECRET);
            Runtime.getRuntime().addShutdownHook(new Thread(github::close));
        }
        return github;
    }

    /** Development settings with GitHub configured, changed by {@code overrides} (a null value removes a key). */
    public static WebArchive withSettings(Map<String, String> overrides) {
        TestDatabase.resetOnce();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("APP_ENV", "development");
        settings.put("SECRET_KEY", SECRET_KEY);
        settings.put("GITHUB_CLIENT_ID", CLIENT_ID);
        settings.put("GITHUB_CLIENT_SECRET", CLIENT_SECRET);
        settings.put("GITHUB_URL", github().webUrl());
        settings.put("GITHUB_API_URL", github().apiUrl());
        settings.put("GITHUB_TIMEOUT_SECONDS", "2");
        settings.put("SESSION_CHECK_CACHE_MILLISECONDS", Long.toString(SESSION_CHECK_CACHE.toMillis()));
        // Scenarios start many sign-ins from one address; the rate-limit scenarios lower these again.
        settings.put("RATE_LIMIT_SIGNIN_PER_MINUTE", "100000");
        settings.put("RATE_LIMIT_GITHUB_PER_MINUTE", "100000");
        settings.putAll(overrides);
        settings.values().removeIf(value -> value == null);
        String properties = "config_ordinal=500\n" + settings.entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n"));
        JavaArchive config = ShrinkWrap.create(JavaArchive.class, "latchkey-it-settings.jar")
                .addAsManifestResource(new StringAsset(properties), "microprofile-config.properties");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("latchkey.war")))
                .addAsLibrary(config);
    }

    /**
     * The configuration most scenarios share, so they share one server: development settings plus a webhook secret,
     * an allowed cross-origin frontend, one admin login, the cheapest bcrypt and this machine as a trusted proxy.
     */
    public static WebArchive shared() {
        return withSettings(Map.of(
                "GITHUB_WEBHOOK_SECRET", WEBHOOK_SECRET,
                "CORS_ORIGINS", CORS_FRONTEND + ",http://localhost:3000",
                "ADMIN_GITHUB_LOGINS", ADMIN_LOGIN,
                "BCRYPT_COST", "4",
                "TRUSTED_PROXIES", thisMachine()));
    }

    /** Every address of this machine: the test client connects from one of them (not always the loopback one). */
    private static String thisMachine() {
        try {
            return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .map(address -> address.getHostAddress().replaceAll("%.*", ""))
                    .sorted()
                    .collect(Collectors.joining(","));
        } catch (SocketException e) {
            throw new IllegalStateException("Could not list this machine's addresses", e);
        }
    }
}
