package dev.latchkey.it;

import static dev.latchkey.it.GitHubCallbackFailuresIT.assertProblem;
import static dev.latchkey.it.GitHubSignInIT.json;
import static dev.latchkey.it.PasswordSignInIT.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Latchkey without GitHub credentials and with registration closed: it says so, and its public, operational, error
 * and rate-limit answers hold.
 */
@ExtendWith(ArquillianExtension.class)
class PublicEndpointsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> unconfigured = new HashMap<>();
        unconfigured.put("GITHUB_CLIENT_ID", null);
        unconfigured.put("GITHUB_CLIENT_SECRET", null);
        unconfigured.put("RATE_LIMIT_SIGNIN_PER_MINUTE", "5");
        unconfigured.put("RATE_LIMIT_GITHUB_PER_MINUTE", "3");
        unconfigured.put("REGISTRATION", "closed");
        // Every caller is a trusted proxy here, so X-Forwarded-For lets one test pose as many clients.
        unconfigured.put("TRUSTED_PROXIES", "0.0.0.0/0,::/0");
        return LatchkeyDeployment.withSettings(unconfigured);
    }

    @ArquillianResource
    URL url;

    /**
     * Counts live in the database the whole run shares: attempts other classes made from this address this minute
     * must not count against the lower limits set here.
     */
    @BeforeEach
    void countsStartAfresh() throws Exception {
        TestDatabase.update("DELETE FROM rate_limit_windows");
    }

    private Browser browser() {
        return new Browser(java.net.URI.create(url.toString()));
    }

    @Test
    void gitHubSignInAnswers503WhenItIsNotConfigured() throws Exception {
        assertProblem(browser().get("/auth/github"), 503, "GitHub sign-in is not configured");
        JsonObject providers = json(browser().get("/auth/providers"));
        assertFalse(providers.getBoolean("github"));
        assertTrue(providers.getJsonArray("organizations").isEmpty(), "no allow-list: any GitHub account");
    }

    @Test
    void withoutGitHubConfiguredAnOAuthOrGitHubAppTokenCannotBeCheckedAndIsRefusedUnasked() throws Exception {
        int asked = LatchkeyDeployment.github().requests(null, "/api/v3/").size();
        for (String prefix : List.of("gho_", "ghu_")) {
            String token = prefix + "A".repeat(30) + System.nanoTime();
            HttpResponse<String> answer = browser().asScript().post("/auth/pat-signin",
                    "{\"token\":\"" + token + "\"}", "X-Forwarded-For", "198.51.100.40");
            assertProblem(answer, 401, "gho_ and ghu_ tokens cannot be checked because GitHub sign-in is not "
                    + "configured here: sign in with a personal access token (ghp_ or github_pat_)");
            assertTrue(Browser.setCookieHeader(answer, "access_token").isEmpty(), "no session cookie");
        }
        assertEquals(asked, LatchkeyDeployment.github().requests(null, "/api/v3/").size(), "GitHub was not asked");
        assertTrue(json(browser().get("/auth/providers")).getBoolean("pat"), "personal access tokens still work");
    }

    @Test
    void closedRegistrationIsRefusedBeforeTheBodyIsReadAndTheProvidersSaySo() throws Exception {
        String email = "closed-" + System.nanoTime() + "@example.com";
        for (String body : new String[] {"{\"email\":\"" + email + "\",\"password\":\"long enough password\"}",
                "not json"}) {
            assertProblem(browser().post("/auth/register", body, "X-Forwarded-For", "198.51.100.40"), 403,
                    "Registration is closed");
        }
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM users WHERE LOWER(email) = ?", email));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM password_credentials WHERE email_normalized = ?",
                email));
        JsonObject providers = json(browser().get("/auth/providers"));
        assertFalse(providers.getBoolean("registration"));
        assertTrue(providers.getBoolean("password"), "signing in with a password still works");
    }

    @Test
    @ExtendWith(Chromium.class)
    void theSignInPageHidesRegistrationWhileItIsClosed() throws Exception {
        try (Page page = new Page(Chromium.open(), url.toString().replaceAll("/$", ""))) {
            page.open("/");
            page.until("the registration form is hidden", () -> !page.isShown("register-form"));
            assertTrue(page.isShown("login-form"), "signing in with a password stays");
            assertTrue(page.isShown("pat-form"));
            assertFalse(page.isShown("github-section"), "GitHub is not configured here");
            page.screenshot("sign-in-registration-closed");
        }
    }

    @Test
    void healthReportsTheDatabaseAndOpenApiDescribesTheEndpoints() throws Exception {
        HttpResponse<String> ready = browser().get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"database\""), ready.body());
        assertEquals(200, browser().get("/health/live").statusCode());

        String openApi = browser().get("/openapi").body();
        for (String path : new String[] {"/auth/github:", "/auth/github/callback:", "/auth/github/reconnect:",
                "/auth/me:", "/auth/logout:", "/auth/providers:", "/auth/github/scopes:"}) {
            assertTrue(openApi.contains(path), "OpenAPI lists " + path);
        }
        assertTrue(openApi.contains("Not authenticated"), "OpenAPI names the errors");
    }

    @Test
    void aMalformedQualityValueIsABadRequest() {
        // (1) Accept and Content-Type are weighed by JAX-RS before any resource: a q that is no number is the client's.
        for (HttpResponse<String> answer : List.of(
                browser().get("/auth/providers", "Accept", "application/json;q=abc"),
                browser().get("/auth/me", "Accept", "text/html, application/json;q="),
                browser().send("POST", "/auth/login", "Content-Type", "application/json;q=x"))) {
            assertEquals(400, answer.statusCode(), answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
            assertFalse(answer.body().contains("Exception"), answer.body());
        }
        assertTrue(json(browser().get("/auth/providers", "Accept", "application/json;q=0.5x")).getString("detail")
                .startsWith("A q parameter in Accept or Content-Type must be a number from 0 to 1"));
        // (2) A well-formed one still chooses as before.
        assertEquals(200, browser().get("/auth/providers", "Accept", "text/html;q=0.5, application/json;q=1")
                .statusCode());
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemsWithoutServerDetails() throws Exception {
        for (HttpResponse<String> answer : new HttpResponse[] {browser().get("/no/such/page"),
                browser().get("/WEB-INF/web.xml"), browser().send("DELETE", "/auth/providers"),
                browser().send("PATCH", "/auth/me")}) {
            assertTrue(answer.statusCode() == 404 || answer.statusCode() == 405, answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse("")
                    .replace(";charset=UTF-8", ""));
            assertNoServerDetails(answer);
        }
    }

    @Test
    void everyAnswerHidesTheServerAndForbidsSniffing() throws Exception {
        for (String path : new String[] {"/", "/auth/providers", "/auth/me", "/health/ready"}) {
            HttpResponse<String> answer = browser().get(path);
            assertNoServerDetails(answer);
        }
        HttpResponse<String> page = browser().get("/");
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals("no-store", browser().get("/auth/me").headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void exactlyTheLimitOfSignInsPassesPerClientAddressWhenTheyArriveAtOnce() throws Exception {
        List<Callable<HttpResponse<String>>> attempts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String token = "not-a-token-" + i;
            attempts.add(() -> browser().asScript().post("/auth/pat-signin", "{\"token\":\"" + token + "\"}",
                    "X-Forwarded-For", "198.51.100.1"));
        }
        List<HttpResponse<String>> answers = Simultaneously.run(attempts);

        assertEquals(5, answers.stream().filter(a -> a.statusCode() == 400).count(), "the limit passes");
        List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertEquals(7, refused.size());
        for (HttpResponse<String> answer : refused) {
            assertProblem(answer, 429, "Too many requests. Please try again later.");
            long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        }
        assertEquals(400, browser().asScript().post("/auth/pat-signin", "{\"token\":\"x\"}",
                "X-Forwarded-For", "198.51.100.2").statusCode(), "another client is not affected");
    }

    @Test
    void signInAttemptsAreCountedInTheDatabaseSoEveryServerSharingItHoldsOneLimit() throws Exception {
        // (1) Two attempts from one address: the database holds their count, under the key's hash, for a minute
        String address = "198.51.100.80";
        String bucket = RateLimitWindows.signInsFrom(address);
        for (int i = 0; i < 2; i++) {
            assertEquals(400, patSignIn("shared-count-" + i, address).statusCode());
        }
        assertEquals(2, RateLimitWindows.attempts(bucket));
        long left = RateLimitWindows.secondsLeft(bucket);
        assertTrue(left > 45 && left <= 60, "the window ends in " + left + " s");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM rate_limit_windows WHERE bucket LIKE ?",
                "%198.51.100%"), "no address is stored in clear");

        // (2) Another server sharing the database counts three more: the limit of five is used up here too
        RateLimitWindows.countElsewhere(bucket, 3);
        HttpResponse<String> sixth = patSignIn("shared-count-2", address);
        assertProblem(sixth, 429, "Too many requests. Please try again later.");
        long retryAfter = Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= left + 1, "Retry-After " + retryAfter + ", window " + left);
        assertEquals(6, RateLimitWindows.attempts(bucket));

        // (3) A window another server filled that has ended since starts afresh on the next attempt
        String earlier = RateLimitWindows.signInsFrom("198.51.100.81");
        RateLimitWindows.plant(earlier, 50, 70);
        assertEquals(400, patSignIn("shared-count-3", "198.51.100.81").statusCode());
        assertEquals(1, RateLimitWindows.attempts(earlier));
    }

    @Test
    void anAttemptTheDatabaseCannotCountInTimeIsRefusedWith503NotLetThrough() throws Exception {
        String address = "198.51.100.90";
        String bucket = RateLimitWindows.signInsFrom(address);
        assertEquals(400, patSignIn("uncounted-0", address).statusCode());
        try (Connection holder = TestDatabase.connect()) {
            // (1) Another transaction holds the address's row, as a database too slow to answer would
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "UPDATE rate_limit_windows SET attempts = attempts WHERE bucket = ?")) {
                lock.setString(1, bucket);
                assertEquals(1, lock.executeUpdate());
            }
            long started = System.nanoTime();
            HttpResponse<String> answer = patSignIn("uncounted-1", address);
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;

            // (2) The attempt is refused, within seconds, with a problem that says when to come back
            assertProblem(answer, 503, "Attempts cannot be counted right now; try again later");
            assertEquals("10", answer.headers().firstValue("Retry-After").orElse(""));
            assertTrue(seconds < 5, "answered after " + seconds + " s");
            holder.rollback();
        }
        // (3) Once the database answers again, attempts are counted again; the refused one never was
        assertEquals(400, patSignIn("uncounted-2", address).statusCode());
        assertEquals(2, RateLimitWindows.attempts(bucket));
    }

    private HttpResponse<String> patSignIn(String token, String clientAddress) {
        return browser().asScript().post("/auth/pat-signin", "{\"token\":\"" + token + "\"}",
                "X-Forwarded-For", clientAddress);
    }

    @Test
    void startingGitHubSignInHasItsOwnLimit() {
        for (int i = 0; i < 3; i++) {
            assertEquals(503, browser().get("/auth/github", "X-Forwarded-For", "198.51.100.30").statusCode());
        }
        assertProblem(browser().get("/auth/github", "X-Forwarded-For", "198.51.100.30"), 429,
                "Too many requests. Please try again later.");
    }

    @Test
    void wrongCurrentPasswordsAreLimitedPerAccountLikeSignInsAndAudited() throws Exception {
        // (1) A password account (registration is closed here: an operator made it), signed in from its own address
        Browser stolen = browser();
        String email = "guessed-" + System.nanoTime() + "@example.com";
        long id = passwordAccount(email);
        HttpResponse<String> signedIn = stolen.post("/auth/login", "{\"email\":\"" + email
                + "\",\"password\":\"" + PASSWORD + "\"}", "X-Forwarded-For", "198.51.100.60");
        assertEquals(200, signedIn.statusCode(), signedIn.body());

        // (2) Five wrong current passwords, each from another address: each one checked
        for (int i = 0; i < 5; i++) {
            assertProblem(changePassword(stolen, "guess number " + i, "198.51.100." + (61 + i)), 403,
                    "Invalid credentials");
        }
        // (3) The sixth within the minute is refused before it is checked, at either confirmation, even a right one
        HttpResponse<String> sixth = AccountsIT.deleteAccount(stolen, "{\"password\":\"guess number 5\"}");
        assertProblem(sixth, 429, "Too many requests. Please try again later.");
        long retryAfter = Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertProblem(changePassword(stolen, PASSWORD, "198.51.100.70"), 429,
                "Too many requests. Please try again later.");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM users WHERE id = ?", id), "nothing was deleted");

        // (4) Every refusal is in the user's own activity
        List<String> statuses = new ArrayList<>();
        json(stolen.get("/auth/audit?type=password_confirmation_failed")).getJsonArray("events")
                .forEach(event -> statuses.add(event.asJsonObject().getJsonObject("detail").getInt("status") + " "
                        + event.asJsonObject().getJsonObject("detail").getString("purpose")));
        assertEquals(List.of("429 change_password", "429 delete_account", "403 change_password",
                "403 change_password", "403 change_password", "403 change_password", "403 change_password"), statuses);
        assertEquals(200, stolen.post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\"}", "X-Forwarded-For", "198.51.100.71").statusCode(), "the password did not change");
    }

    /** Plants a password account as an operator would create one while registration is closed. */
    private static long passwordAccount(String email) throws SQLException {
        long id = 900_000_000L + System.nanoTime() % 100_000_000L;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        TestDatabase.update("INSERT INTO users (id, email, created_at, updated_at) VALUES (?, ?, ?, ?)",
                id, email, now, now);
        TestDatabase.update("INSERT INTO password_credentials (user_id, email_normalized, password_hash, updated_at) "
                + "VALUES (?, ?, ?, ?)", id, email, BCrypt.with(BCrypt.Version.VERSION_2B)
                .hashToString(4, PASSWORD.toCharArray()), now);
        return id;
    }

    private static HttpResponse<String> changePassword(Browser browser, String current, String clientAddress) {
        return browser.post("/auth/password", "{\"current_password\":\"" + current
                + "\",\"new_password\":\"a new passphrase\"}", "X-Forwarded-For", clientAddress);
    }

    @Test
    void oneAccountIsLimitedAcrossClientAddresses() {
        String token = "ghp_" + "A".repeat(30) + System.nanoTime();
        int refused = 0;
        for (int i = 0; i < 7; i++) {
            int status = browser().asScript().post("/auth/pat-signin", "{\"token\":\"" + token + "\"}",
                    "X-Forwarded-For", "203.0.113." + (10 + i)).statusCode();
            refused += status == 429 ? 1 : 0;
        }
        assertEquals(2, refused, "five attempts on one token, whatever the address");
    }

    private static void assertNoServerDetails(HttpResponse<String> answer) {
        assertTrue(answer.headers().firstValue("Server").isEmpty(), "Server header: " + answer.headers());
        assertTrue(answer.headers().firstValue("X-Powered-By").isEmpty(), "X-Powered-By: " + answer.headers());
        assertTrue(answer.headers().firstValue("X-Latchkey-Node").isEmpty(), "NODE_HEADER is off by default");
        String body = answer.body().toLowerCase();
        assertFalse(body.contains("payara") || body.contains("exception") || body.contains("at dev.latchkey"),
                answer.body());
    }
}
