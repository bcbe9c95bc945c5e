package dev.latchkey.it;

import dev.latchkey.testing.github.FakeGitHub;
import java.io.File;
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

    public static WebArchive withDefaults() {
        return withSettings(Map.of());
    }
}
