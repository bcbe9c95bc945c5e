package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled;

import dev.latchkey.testing.cluster.Cluster;
import dev.latchkey.testing.github.FakeGitHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The two-node cluster the cluster scenarios share (PostgreSQL and Payara Micro only), started by the first of them
 * and stopped at the end of the run.
 */
final class TwoNodes implements ExecutionCondition, BeforeAllCallback {

    // node-a keeps the default session check cache (SESSION_CHECK_CACHE_MILLISECONDS unset, so 1 s) and node-b has
    // 0: each node's cache is its own, so one boot shows both bounds.
    static final String CACHING = "node-a";
    static final String UNCACHED = "node-b";
    /** The default SESSION_CHECK_CACHE_MILLISECONDS, which node-a keeps. */
    static final java.time.Duration DEFAULT_CACHE = java.time.Duration.ofMillis(1000);
    static final String APP_ID = "Iv23.latchkeycluster";
    static final String APP_SECRET = "latchkey-cluster-app-secret-0123456789abcdef";
    static final String ADMIN_LOGIN = "cluster-admin-" + Long.toString(System.nanoTime(), 36);

    private static Cluster cluster;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.url().startsWith("jdbc:postgresql:")) {
            return disabled("The cluster scenarios need PostgreSQL (H2 is single-node only): mvn verify -Ppostgresql");
        }
        if (!"payara".equals(System.getProperty("latchkey.server"))) {
            return disabled("The cluster scenarios run the Payara Micro uber-jar: they run with -Dserver=payara");
        }
        if (!Cluster.canRun() && !"true".equals(System.getenv("CI"))) {
            return disabled("HAProxy is not installed (apt-get install haproxy): the cluster scenarios are skipped");
        }
        return ConditionEvaluationResult.enabled("PostgreSQL, Payara Micro and HAProxy are here");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Cluster.canRun()) {
            fail("HAProxy is not installed; .ci/run installs it (apt-get install haproxy)");
        }
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(TwoNodes.class, key -> start(), Cluster.class);
    }

    static URI address() {
        return cluster.address();
    }

    static Cluster cluster() {
        return cluster;
    }

    private static synchronized Cluster start() {
        TestDatabase.resetOnce();
        FakeGitHub github = LatchkeyDeployment.github();
        github.registerGitHubApp(APP_ID, APP_SECRET);
        Map<String, String> settings = new HashMap<>();
        settings.put("APP_ENV", "development");
        settings.put("SECRET_KEY", LatchkeyDeployment.SECRET_KEY);
        settings.put("DATABASE_URL", TestDatabase.url());
        settings.put("DATABASE_USER", System.getenv("DATABASE_USER"));
        settings.put("DATABASE_PASSWORD", System.getenv("DATABASE_PASSWORD"));
        settings.put("GITHUB_CLIENT_ID", APP_ID);
        settings.put("GITHUB_CLIENT_SECRET", APP_SECRET);
        settings.put("GITHUB_URL", github.webUrl());
        settings.put("GITHUB_API_URL", github.apiUrl());
        settings.put("GITHUB_TIMEOUT_SECONDS", "2");
        settings.put("GITHUB_WEBHOOK_SECRET", LatchkeyDeployment.WEBHOOK_SECRET);
        settings.put("ADMIN_GITHUB_LOGINS", ADMIN_LOGIN);
        settings.put("TRUSTED_PROXIES", "127.0.0.1");
        // The stories start many sign-ins from one address.
        settings.put("RATE_LIMIT_SIGNIN_PER_MINUTE", "100000");
        settings.put("RATE_LIMIT_GITHUB_PER_MINUTE", "100000");
        settings.put("SESSION_CHECK_CACHE_MILLISECONDS", null);
        // The nodes stay up until the run ends, beside the other scenarios' servers: no purge of the rows they plant.
        settings.put("PURGE_INTERVAL_SECONDS", "86400");
        try {
            cluster = Cluster.start(Path.of(System.getProperty("latchkey.projectDirectory")), settings,
                    Map.of(UNCACHED, Map.of("SESSION_CHECK_CACHE_MILLISECONDS", "0")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cluster;
    }
}
