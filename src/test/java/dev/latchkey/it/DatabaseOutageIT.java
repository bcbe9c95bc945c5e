package dev.latchkey.it;

import static dev.latchkey.it.GitHubSignInIT.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.network.TcpProxy;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL goes away and comes back, behind a TCP proxy the test cuts or slows down: every route that needs it
 * answers 503 problem+json with {@code Retry-After} within 5 s, readiness is DOWN and liveness UP, nobody is taken
 * for signed in, and the same session works again once the database is back, without a restart.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfEnvironmentVariable(named = "DATABASE_URL", matches = "jdbc:postgresql:.*", disabledReason = "needs "
        + "PostgreSQL (-Ppostgresql): the server reaches it through a TCP proxy the test cuts; H2 runs inside the "
        + "server, with no connection to cut")
class DatabaseOutageIT {

    /** What the issue asks of every answer while the database is away. */
    static final Duration BOUND = Duration.ofSeconds(5);
    static final String DETAIL = "The database is not answering; try again later.";
    /** A rate-limited route counts the attempt in the database before anything else (RATE_LIMIT_STORE=database). */
    static final String COUNTS = "Attempts cannot be counted right now; try again later";
    static final String PASSWORD = "correct horse battery staple";
    private static final Pattern HOST_AND_PORT = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/");

    private static TcpProxy proxy;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.withSettings(Map.of("DATABASE_URL", proxiedUrl(), "BCRYPT_COST", "4"));
    }

    @ArquillianResource
    URL url;

    @AfterEach
    void databaseBack() {
        proxy().restore();
    }

    @Test
    void aCutDatabaseIs503WithinSecondsAndTheSameSessionWorksOnceItIsBack() throws Exception {
        // (1) A user registers and is signed in.
        Browser browser = new Browser(url.toURI());
        String email = "outage-" + System.nanoTime() + "@example.com";
        String token = registered(browser, email);
        long id = json(me(browser, token)).getJsonNumber("id").longValue();

        // (2) The connection to PostgreSQL is cut: open connections closed, new ones refused. A check of the session
        //     made in the last SESSION_CHECK_CACHE_MILLISECONDS may still be trusted; after that the rows decide.
        proxy().cut();
        TestDatabase.awaitNoticeOfOutsideChange();

        // (3) The session cannot be checked: 503, neither 401 (signed out) nor 200 (signed in), also where a
        //     session is optional; sign-ins and the start of a GitHub sign-in cannot store anything: 503.
        assertUnavailable(() -> me(browser, token));
        assertUnavailable(() -> browser.get("/auth/whoami", "Authorization", "Bearer " + token));
        assertUnavailable(() -> PasswordSignInIT.login(new Browser(browser.base()), email, PASSWORD), COUNTS);
        assertUnavailable(() -> new Browser(browser.base()).get("/auth/github"), COUNTS);

        // (4) Readiness says DOWN, so a balancer stops sending requests here; liveness stays UP: no restart.
        HttpResponse<String> ready = timed(() -> browser.get("/health/ready"));
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(json(ready).containsKey("checks"), "the health report, not a problem: " + ready.body());
        assertEquals("DOWN", json(ready).getString("status"));
        HttpResponse<String> live = browser.get("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", json(live).getString("status"));

        // (5) PostgreSQL is back: the same session works again, readiness is UP and sign-ins work, without restart.
        proxy().restore();
        HttpResponse<String> again = eventually(() -> me(browser, token));
        assertEquals(id, json(again).getJsonNumber("id").longValue());
        assertEquals(200, eventually(() -> browser.get("/health/ready")).statusCode());
        assertEquals(200, PasswordSignInIT.login(new Browser(browser.base()), email, PASSWORD).statusCode());
    }

    @Test
    void aDatabaseTooSlowToAnswerTimesOutWithinSecondsAndLeavesNoHalfMadeUser() throws Exception {
        // (1) A user registers and is signed in.
        Browser browser = new Browser(url.toURI());
        String token = registered(browser, "slow-" + System.nanoTime() + "@example.com");
        assertEquals(200, me(browser, token).statusCode());

        // (2) Every byte to and from PostgreSQL now takes longer than the statement and socket timeouts.
        Duration delay = Duration.ofSeconds(6);
        proxy().delay(delay);
        TestDatabase.awaitNoticeOfOutsideChange();

        // (3) Session checks at once each give up within the bound, holding no thread beyond it. Four: Open Liberty
        //     starts with two request threads per core and adds more only as load lasts, so more would queue here.
        List<Callable<HttpResponse<String>>> checks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            checks.add(() -> timed(() -> me(browser, token)));
        }
        for (HttpResponse<String> check : Simultaneously.run(checks)) {
            assertProblem(check);
        }

        // (4) A registration while the database is this slow is refused within the bound.
        String email = "half-made-" + System.nanoTime() + "@example.com";
        assertUnavailable(() -> PasswordSignInIT.register(new Browser(browser.base()), email, PASSWORD, ""), COUNTS);

        // (5) The database is fast again, and bytes held back meanwhile have arrived: the registration left either
        //     nothing or a whole account (user and password), and registering again leaves exactly one.
        proxy().restore();
        Thread.sleep(delay.toMillis() + 500);
        assertEquals(200, eventually(() -> me(browser, token)).statusCode());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM users u WHERE u.email = ? AND NOT EXISTS "
                + "(SELECT 1 FROM password_credentials c WHERE c.user_id = u.id)", email), "a user without password");
        int again = PasswordSignInIT.register(new Browser(browser.base()), email, PASSWORD, "").statusCode();
        assertTrue(again == 201 || again == 400, "registered again: " + again);
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM users WHERE email = ?", email));
        assertEquals(1, TestDatabase.count(
                "SELECT COUNT(*) FROM password_credentials WHERE email_normalized = ?", email));
    }

    @Test
    void theOpenApiDocumentSaysEveryRouteMayAnswerThis503() throws Exception {
        JsonObject paths = json(new Browser(url.toURI()).get("/openapi", "Accept", "application/json"))
                .getJsonObject("paths");
        for (String path : new String[] {"/auth/me", "/auth/login", "/auth/github", "/auth/providers"}) {
            JsonObject operation = paths.getJsonObject(path).getJsonObject(path.equals("/auth/login") ? "post" : "get");
            String described = operation.getJsonObject("responses").getJsonObject("503").getString("description");
            assertTrue(described.contains(DETAIL), path + ": " + described);
        }
    }

    private static String registered(Browser browser, String email) {
        HttpResponse<String> registered = PasswordSignInIT.register(browser, email, PASSWORD, "");
        assertEquals(201, registered.statusCode(), registered.body());
        return json(registered).getString("access_token");
    }

    private static HttpResponse<String> me(Browser browser, String token) {
        return browser.get("/auth/me", "Authorization", "Bearer " + token);
    }

    /** 503 problem+json saying the database is not answering, with Retry-After, within {@link #BOUND}. */
    private static void assertUnavailable(Supplier<HttpResponse<String>> request) {
        assertProblem(timed(request));
    }

    /** The same, where a rate limit may be the first to find the database away and say so in its own words. */
    private static void assertUnavailable(Supplier<HttpResponse<String>> request, String rateLimitDetail) {
        HttpResponse<String> response = timed(request);
        if (json(response).getString("detail").equals(rateLimitDetail)) {
            assertEquals(503, response.statusCode(), response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
            assertTrue(response.headers().firstValue("Retry-After").isPresent(), response.request().uri().toString());
        } else {
            assertProblem(response);
        }
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.request().uri() + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(DETAIL, json(response).getString("detail"));
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(""), response.request().uri().toString());
        assertFalse(response.body().contains("Exception") || response.body().contains("SQL"), response.body());
    }

    /** The answer, after checking it came within {@link #BOUND}. */
    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request) {
        long started = System.nanoTime();
        HttpResponse<String> response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(BOUND) < 0, response.request().uri() + " answered " + response.statusCode()
                + " after " + took.toMillis() + " ms");
        return response;
    }

    /** The first 200 within 20 s: connections broken during the outage are replaced as they are found. */
    private static HttpResponse<String> eventually(Supplier<HttpResponse<String>> request) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> response = request.get();
        while (response.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            response = request.get();
        }
        assertEquals(200, response.statusCode(), response.request().uri() + ": " + response.body());
        return response;
    }

    /**
     * The test database's URL with the proxy's port in place of PostgreSQL's. On Open Liberty with
     * {@code sslmode=disable}: Liberty refuses the driver's {@code loginTimeout}, and without it the driver's
     * default ({@code prefer}) tries a silent server twice, with TLS and without, each up to the socket timeout
     * (docs/deploy.md).
     */
    private static String proxiedUrl() {
        String url = TestDatabase.url().replaceFirst(HOST_AND_PORT.pattern(),
                "jdbc:postgresql://127.0.0.1:" + proxy().port() + "/");
        return "liberty".equals(System.getProperty("latchkey.server")) ? url + "&sslmode=disable" : url;
    }

    /** Started once, before the server: its DATABASE_URL names the proxy's port, the same at every call. */
    private static synchronized TcpProxy proxy() {
        if (proxy == null) {
            Matcher database = HOST_AND_PORT.matcher(TestDatabase.url());
            if (!database.find()) {
                throw new IllegalStateException("No PostgreSQL host and port in DATABASE_URL " + TestDatabase.url());
            }
            proxy = TcpProxy.start(database.group(1), Integer.parseInt(database.group(2)));
        }
        return proxy;
    }
}
