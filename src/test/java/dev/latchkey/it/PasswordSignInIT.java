package dev.latchkey.it;

import static dev.latchkey.it.GitHubSignInIT.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * A person registers with an email and password, signs in, and changes the password; the server hashes at cost 5.
 */
@ExtendWith(ArquillianExtension.class)
class PasswordSignInIT {

    static final String PASSWORD = "correct horse battery staple";

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Every scenario signs in from this one address: the per-minute limit must not get in the way here.
        // One hashing thread: every password request here queues for it, as sign-ins do on a busy small server.
        return LatchkeyDeployment.withSettings(Map.of("BCRYPT_COST", "5", "RATE_LIMIT_SIGNIN_PER_MINUTE", "10000",
                "PASSWORD_HASHING_THREADS", "1"));
    }

    @ArquillianResource
    URL url;

    private Browser browser;

    @BeforeEach
    void newBrowser() throws Exception {
        browser = new Browser(url.toURI());
    }

    @Test
    void registeringSignsInAPasswordOnlyUserAndStoresOnlyABcryptHash() throws Exception {
        String email = "Ada." + System.nanoTime() + "@Example.com";

        // (1) POST /auth/register
        HttpResponse<String> registered = register(browser, email, PASSWORD, "\"name\":\"Ada Lovelace\",");

        assertEquals(201, registered.statusCode(), registered.body());
        JsonObject body = json(registered);
        assertTrue(body.getBoolean("ok"));
        assertEquals("Bearer", body.getString("token_type"));
        assertTrue(body.getJsonNumber("expires_in").longValue() > 86_000, body.toString());
        JsonObject user = body.getJsonObject("user");
        assertEquals(email, user.getString("email"));
        assertEquals("Ada Lovelace", user.getString("name"));
        assertEquals(JsonValue.NULL, user.get("github_id"));
        assertFalse(user.getBoolean("email_verified"), "nobody verified a registered address");
        String cookie = Browser.setCookieHeader(registered, "access_token").orElseThrow();
        assertTrue(cookie.startsWith("access_token=" + body.getString("access_token") + ";")
                && cookie.contains("HttpOnly"), cookie);

        // (2) The cookie and the bearer token both reach /auth/me, in its usual shape with null GitHub fields.
        JsonObject me = json(browser.get("/auth/me"));
        assertEquals(user.getJsonNumber("id"), me.getJsonNumber("id"));
        assertEquals(JsonValue.NULL, me.get("github_username"));
        assertEquals(JsonValue.NULL, me.get("avatar_url"));
        Browser script = new Browser(browser.base());
        assertEquals(200, script.get("/auth/me", "Authorization", "Bearer " + body.getString("access_token"))
                .statusCode());

        // (3) Stored: the lower-cased email and a cost-5 bcrypt hash of the password, never the password.
        long id = user.getJsonNumber("id").longValue();
        assertEquals(email.toLowerCase(), TestDatabase.value(
                "SELECT email_normalized FROM password_credentials WHERE user_id = ?", id));
        String hash = storedHash(id);
        assertTrue(hash.startsWith("$2b$05$") && !hash.contains(PASSWORD), hash);
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM sessions WHERE user_id = ?", id));
    }

    @Test
    void registrationRefusesBadEmailsShortAndOverlongPasswordsAndTakenEmails() throws Exception {
        String email = "taken-" + System.nanoTime() + "@example.com";
        assertEquals(201, register(browser, email, PASSWORD, "").statusCode());

        assertProblem(register(browser, "not-an-email", PASSWORD, ""), 400, "Enter a valid email address");
        assertProblem(register(browser, "x" + email, "short12", ""), 400, "Password must be at least 8 characters");
        // 36 two-byte characters are 72 bytes and fit; one more byte is refused, never silently cut.
        assertProblem(register(browser, "x" + email, "é".repeat(36) + "!", ""), 400,
                "Password must be at most 72 bytes");
        assertProblem(register(browser, "  " + email.toUpperCase() + " ", PASSWORD, ""), 400,
                "Email already registered");
        assertEquals(1, countCredentials(email));
    }

    @Test
    void malformedBodiesAreToldWhatToSendNeverA500() throws Exception {
        for (String body : new String[] {"", "not json", "[]", "{\"email\":", "{\"email\":{},\"password\":1}"}) {
            assertProblem(browser.post("/auth/register", body), 400, "The request body must be a JSON object: "
                    + "{\"email\": \"...\", \"password\": \"...\", \"name\": \"...\" (optional)}");
            assertProblem(browser.post("/auth/login", body), 400,
                    "The request body must be a JSON object: {\"email\": \"...\", \"password\": \"...\"}");
        }
        assertProblem(browser.post("/auth/login", "{\"email\":\"a@example.com\"}"), 400,
                "Enter your email and password");
        assertProblem(browser.post("/auth/login", "{\"email\":\"" + "a".repeat(9000) + "\"}"), 413,
                "The request body is too large.");
        // A body without Content-Type is what a cross-site page can post without a preflight: JSON only.
        HttpResponse<String> typeless = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        browser.base().resolve("/auth/login")).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"a@example.com\",\"password\":\"whatever1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(typeless, 415, "Unsupported content type: send application/json.");
    }

    @Test
    void a72BytePasswordCountsEveryByteAndEmailsCompareCaseInsensitively() {
        String email = "bytes-" + System.nanoTime() + "@example.com";
        String seventyTwoBytes = "é".repeat(35) + "ab";
        assertEquals(72, seventyTwoBytes.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(201, register(browser, email, seventyTwoBytes, "").statusCode());

        assertEquals(200, login(new Browser(browser.base()), " " + email.toUpperCase(), seventyTwoBytes).statusCode());
        assertProblem(login(browser, email, "é".repeat(35) + "ac"), 401, "Invalid credentials");
        assertProblem(login(browser, email, seventyTwoBytes + "b"), 401, "Invalid credentials");
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        String email = "same-" + System.nanoTime() + "@example.com";
        register(browser, email, PASSWORD, "");
        Browser stranger = new Browser(browser.base());

        HttpResponse<String> wrongPassword = login(stranger, email, PASSWORD.toUpperCase());
        HttpResponse<String> unknownEmail = login(stranger, "nobody-" + email, PASSWORD);

        assertProblem(wrongPassword, 401, "Invalid credentials");
        assertEquals(wrongPassword.statusCode(), unknownEmail.statusCode());
        assertEquals(wrongPassword.body(), unknownEmail.body());
        assertEquals(wrongPassword.headers().map().keySet(), unknownEmail.headers().map().keySet());
        assertTrue(stranger.cookie("access_token").isEmpty(), "no session for either");
    }

    @Test
    void loggingInStartsASessionAndRehashesAWeakerHashAtTheServersCost() throws Exception {
        String email = "rehash-" + System.nanoTime() + "@example.com";
        long id = json(register(browser, email, PASSWORD, "")).getJsonObject("user").getJsonNumber("id").longValue();
        String planted = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());
        TestDatabase.update("UPDATE password_credentials SET password_hash = ? WHERE user_id = ?", planted, id);

        Browser laptop = new Browser(browser.base());
        HttpResponse<String> loggedIn = login(laptop, email, PASSWORD);

        assertEquals(200, loggedIn.statusCode(), loggedIn.body());
        assertEquals(id, json(loggedIn).getJsonObject("user").getJsonNumber("id").longValue());
        assertEquals(id, json(laptop.get("/auth/me")).getJsonNumber("id").longValue());
        String rehashed = storedHash(id);
        assertTrue(rehashed.startsWith("$2b$05$"), rehashed);
        assertTrue(BCrypt.verifyer().verify(PASSWORD.toCharArray(), rehashed).verified);
        assertEquals(2, TestDatabase.count("SELECT COUNT(*) FROM sessions WHERE user_id = ?", id));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions() throws Exception {
        String email = "change-" + System.nanoTime() + "@example.com";
        register(browser, email, PASSWORD, "");
        Browser phone = new Browser(browser.base());
        login(phone, email, PASSWORD);
        String newPassword = "a brand new passphrase";

        assertProblem(changePassword(browser, "wrong password", newPassword), 403, "Invalid credentials");
        long id = json(browser.get("/auth/me")).getJsonNumber("id").longValue();
        assertEquals("{\"purpose\":\"change_password\",\"reason\":\"Invalid credentials\",\"status\":403}",
                TestDatabase.value("SELECT detail FROM audit_events WHERE type = 'password_confirmation_failed' "
                        + "AND target_user_id = ?", id), "a wrong current password is audited");
        assertProblem(changePassword(browser, PASSWORD, "short"), 400, "Password must be at least 8 characters");
        assertProblem(browser.post("/auth/password", "{\"new_password\":\"long enough\"}"), 400,
                "Enter your current password");
        assertEquals(200, phone.get("/auth/me").statusCode(), "nothing changed yet");

        HttpResponse<String> changed = changePassword(browser, PASSWORD, newPassword);

        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(json(changed).getBoolean("ok"));
        assertEquals(200, browser.get("/auth/me").statusCode(), "this session stays");
        GitHubSignInIT.assertRefused(phone.get("/auth/me"), "Invalid or expired token");
        assertProblem(login(new Browser(browser.base()), email, PASSWORD), 401, "Invalid credentials");
        assertEquals(200, login(new Browser(browser.base()), email, newPassword).statusCode());
        GitHubSignInIT.assertRefused(new Browser(browser.base()).post("/auth/password",
                "{\"current_password\":\"x\",\"new_password\":\"yyyyyyyy\"}"), "Not authenticated");
    }

    @Test
    void simultaneousRegistrationsOfOneEmailMakeOneAccount() throws Exception {
        String email = "race-" + System.nanoTime() + "@example.com";
        List<Callable<HttpResponse<String>>> registrations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String typed = i % 2 == 0 ? email : email.toUpperCase();
            registrations.add(() -> register(new Browser(browser.base()), typed, PASSWORD, ""));
        }

        List<HttpResponse<String>> answers = Simultaneously.run(registrations);

        assertEquals(1, answers.stream().filter(answer -> answer.statusCode() == 201).count(), answers.toString());
        answers.stream().filter(answer -> answer.statusCode() != 201)
                .forEach(answer -> assertProblem(answer, 400, "Email already registered"));
        assertEquals(1, countCredentials(email));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM users WHERE LOWER(email) = ?", email));
    }

    @Test
    void moreSimultaneousSignInsThanRequestThreadsAreEachAnsweredRightly() throws Exception {
        String email = "crowd-" + System.nanoTime() + "@example.com";
        long id = json(register(browser, email, PASSWORD, "")).getJsonObject("user").getJsonNumber("id").longValue();
        List<Callable<HttpResponse<String>>> logins = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String typed = i % 2 == 0 ? PASSWORD : "a wrong password " + i;
            logins.add(() -> login(new Browser(browser.base()), email, typed));
        }

        List<HttpResponse<String>> answers = Simultaneously.run(logins);

        for (int i = 0; i < answers.size(); i++) {
            if (i % 2 == 0) {
                assertEquals(200, answers.get(i).statusCode(), answers.get(i).body());
                assertEquals(id, json(answers.get(i)).getJsonObject("user").getJsonNumber("id").longValue());
            } else {
                assertProblem(answers.get(i), 401, "Invalid credentials");
            }
        }
        assertEquals(21, TestDatabase.count("SELECT COUNT(*) FROM sessions WHERE user_id = ?", id));
        assertEquals(20, TestDatabase.count(
                "SELECT COUNT(*) FROM audit_events WHERE type = 'sign_in_failed' AND target_user_id = ?", id));
    }

    static HttpResponse<String> register(Browser browser, String email, String password, String extraFields) {
        return browser.post("/auth/register", "{" + extraFields + "\"email\":\"" + email + "\",\"password\":\""
                + password + "\"}");
    }

    static HttpResponse<String> login(Browser browser, String email, String password) {
        return browser.post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static HttpResponse<String> changePassword(Browser browser, String current, String replacement) {
        return browser.post("/auth/password",
                "{\"current_password\":\"" + current + "\",\"new_password\":\"" + replacement + "\"}");
    }

    static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(detail, json(response).getString("detail"));
        assertFalse(response.body().contains("Exception"), response.body());
    }

    private static String storedHash(long userId) throws Exception {
        return (String) TestDatabase.value("SELECT password_hash FROM password_credentials WHERE user_id = ?", userId);
    }

    private static long countCredentials(String email) throws Exception {
        return TestDatabase.count("SELECT COUNT(*) FROM password_credentials WHERE email_normalized = ?",
                email.toLowerCase());
    }
}
