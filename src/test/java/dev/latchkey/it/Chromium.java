package dev.latchkey.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and chromedriver for the browser scenarios: run on Payara only (the pages are the same
 * WAR on every server), skipped with a reason on a developer's machine without them, a failure in CI
 * ({@code CI=true}), where {@code .ci/run} installs them.
 */
public final class Chromium implements ExecutionCondition {

    static final Path BROWSER = Path.of(System.getProperty("latchkey.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("latchkey.chromedriver", "/usr/bin/chromedriver"));
    private static final String MISSING = "Chromium is not installed (" + BROWSER + ", " + DRIVER + "): "
            + "apt-get install chromium chromium-driver (as .ci/run does)";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String server = System.getProperty("latchkey.server", "payara");
        if (!server.equals("payara")) {
            return ConditionEvaluationResult.disabled("Browser scenarios run on Payara only, not on " + server);
        }
        if (installed()) {
            return ConditionEvaluationResult.enabled("Chromium is installed");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(MISSING + "; CI must run the browser scenarios");
        }
        return ConditionEvaluationResult.disabled("Browser scenarios skipped: " + MISSING);
    }

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** A fresh headless browser (its own profile: no cookies, no storage) with a desktop-sized window. */
    static ChromeDriver open() throws IOException {
        ChromeOptions options = new ChromeOptions();
        // Given both paths, Selenium Manager has nothing to look up or download.
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("latchkey-chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        return new ChromeDriver(service, options);
    }
}
