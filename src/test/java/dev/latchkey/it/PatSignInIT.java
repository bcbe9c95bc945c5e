package dev.latchkey.it;

import static dev.latchkey.it.GitHubCallbackFailuresIT.assertProblem;
import static dev.latchkey.it.GitHubSignInIT.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.latchkey.crypto.KeyDerivation;
import dev.latchkey.crypto.TokenCipher;
import dev.latchkey.testing.github.Email;
import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import dev.latchkey.testing.github.Outage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in with a GitHub personal access token: {@code POST /auth/pat-signin} checks the token's shape, accepts a
 * {@code gho_}/{@code ghu_} only when GitHub says Latchkey's app holds it, asks GitHub whose it is, keeps it encrypted
 * with its scopes, and starts a session as a GitHub sign-in does.
 */
@ExtendWith(ArquillianExtension.class)
class PatSignInIT {

    private static final String PATH = "/auth/pat-signin";
    private static final String INVALID = "Invalid GitHub token";
    private static final String NO_EMAIL =
            "Could not determine your GitHub email. Ensure the token has the user:email scope.";
    private static final String NOT_JSON =
            "The request body must be a JSON object: {\"token\": \"<your GitHub personal access token>\"}";
    private static final String MISSING = "Missing token: send {\"token\": \"<your GitHub personal access token>\"}";
    private static final String MALFORMED = "Malformed GitHub token: expected ghp_, github_pat_, gho_ or ghu_ "
            + "followed by letters, digits or underscores, at most 255 characters in all";
    private static final String ANOTHER_APP = "This token was issued to another application";
    private static final String NOT_ANSWERING = "GitHub is not answering; try again later";
    private static final String CHECK_FAILED = "Failed to check the token with GitHub";
    private static final String USER_FAILED = "Failed to fetch GitHub user";
    private static final String CHECK_PATH = "/api/v3/applications/" + LatchkeyDeployment.CLIENT_ID + "/token";
    private static final String OTHER_OAUTH_APP = "Iv1.someoneelsesoauthapp";
    private static final String OTHER_GITHUB_APP = "Iv23.someoneelsesgithubapp";
    private static final String USERS_OF = "SELECT COUNT(*) FROM users WHERE github_id = ?";
    private static final String SESSIONS_OF =
            "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.github_id = ?";
    private static final String STORED_TOKEN_OF =
            "SELECT t.access_token FROM github_tokens t JOIN users u ON u.id = t.user_id WHERE u.github_id = ?";
    private static final String STORED_SCOPES_OF =
            "SELECT t.scopes FROM github_tokens t JOIN users u ON u.id = t.user_id WHERE u.github_id = ?";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.shared();
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();
    private final TokenCipher cipher = new TokenCipher(KeyDerivation.fernetKey(LatchkeyDeployment.SECRET_KEY));
    private Browser browser;

    @BeforeEach
    void setUp() throws Exception {
        browser = new Browser(url.toURI());
        github.reset();
    }

    @AfterEach
    void gitHubIsBack() {
        github.reset();
    }

    @Test
    void eachKindOfPersonalTokenSignsInAndStartsASessionInTheCookieAndTheBody() throws Exception {
        for (String prefix : List.of("ghp_", "github_pat_", "gho_")) {
            GitHubUser user = github.createUser("pat-" + prefix.replace("_", "") + "-" + System.nanoTime());
            // A gho_ counts only as Latchkey's own app's token; personal access tokens belong to no app.
            String pat = prefix.equals("gho_")
                    ? github.issueToken(user, LatchkeyDeployment.CLIENT_ID, "repo", "user:email")
                    : github.issueTokenWithPrefix(user, prefix, "repo", "user:email");
            Browser device = new Browser(browser.base());

            // (1) POST the token
            HttpResponse<String> answer = device.post(PATH, body("token", pat));

            assertEquals(200, answer.statusCode(), prefix + ": " + answer.body());
            JsonObject signedIn = json(answer);
            assertTrue(signedIn.getBoolean("ok"));
            assertEquals("Bearer", signedIn.getString("token_type"));
            assertTrue(signedIn.getJsonNumber("expires_in").longValue() > 86_000, answer.body());
            assertEquals(user.id(), signedIn.getJsonObject("user").getJsonNumber("github_id").longValue());
            assertEquals(user.login(), signedIn.getJsonObject("user").getString("github_username"));
            assertEquals(user.email(), signedIn.getJsonObject("user").getString("email"));
            assertFalse(answer.body().contains(pat), "the GitHub token is never sent back");
            String cookie = Browser.setCookieHeader(answer, "access_token").orElseThrow();
            assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; Path=/"), cookie);
            assertEquals(signedIn.getString("access_token"), device.cookie("access_token").orElseThrow());

            // (2) The session works from the cookie and as a bearer token, like a GitHub sign-in's
            assertEquals(signedIn.getJsonObject("user"), json(device.get("/auth/me")));
            HttpResponse<String> bearer = new Browser(browser.base())
                    .get("/auth/me", "Authorization", "Bearer " + signedIn.getString("access_token"));
            assertEquals(user.id(), json(bearer).getJsonNumber("github_id").longValue());
            assertEquals(1, TestDatabase.count(SESSIONS_OF, user.id()));
        }
    }

    @Test
    void theTokenIsStoredEncryptedWithTheScopesGitHubReported() throws Exception {
        GitHubUser user = github.createUser("pat-stored-" + System.nanoTime());
        String pat = github.issueTokenWithPrefix(user, "ghp_", "gist", "read:org", "user:email", "repo");

        assertEquals(200, browser.post(PATH, body("pat", pat)).statusCode(), "the pat field is accepted too");

        String stored = (String) TestDatabase.value(STORED_TOKEN_OF, user.id());
        assertFalse(stored.contains(pat), "not in plaintext");
        assertEquals(pat, cipher.decrypt(stored).value());
        assertEquals("gist read:org user:email repo", TestDatabase.value(STORED_SCOPES_OF, user.id()));
        assertEquals(Json.createArrayBuilder().add("gist").add("read:org").add("user:email").add("repo").build(),
                json(browser.get("/auth/github/scopes")).getJsonArray("granted"));

        // A fine-grained token has no OAuth scopes: none are stored, none are made up.
        GitHubUser fine = github.createUser("pat-fine-" + System.nanoTime());
        assertEquals(200, browser.post(PATH, body("token", github.issueTokenWithPrefix(fine, "github_pat_")))
                .statusCode());
        assertEquals("", TestDatabase.value(STORED_SCOPES_OF, fine.id()));
    }

    @Test
    void aPrivateEmailIsTheVerifiedPrimaryElseAnyVerifiedAddress() throws Exception {
        GitHubUser hidden = github.createUser("pat-private-" + System.nanoTime()).withPrivateEmail();
        github.update(hidden);
        HttpResponse<String> answer = browser.post(PATH, body("token", token(hidden, "user:email")));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(hidden.login() + "@example.com", json(answer).getJsonObject("user").getString("email"));

        GitHubUser unverifiedPrimary = github.createUser("pat-secondary-" + System.nanoTime());
        unverifiedPrimary = unverifiedPrimary.withEmails(List.of(
                new Email("new@unverified.example", true, false, "private"),
                new Email("typo@unverified.example", false, false, null),
                Email.secondary(unverifiedPrimary.login() + "@work.example")));
        github.update(unverifiedPrimary);
        answer = browser.post(PATH, body("token", token(unverifiedPrimary, "user:email")));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(unverifiedPrimary.login() + "@work.example",
                json(answer).getJsonObject("user").getString("email"));
    }

    @Test
    void withoutAnEmailWeCanKnowTheSignInIsRefusedAndNothingIsStored() throws Exception {
        GitHubUser unverified = github.createUser("pat-unverified-" + System.nanoTime()).withNoVerifiedEmail();
        github.update(unverified);
        assertRefused(browser.post(PATH, body("token", token(unverified, "user:email"))), 400, NO_EMAIL);

        // Private address, and a token without user:email cannot list the others
        GitHubUser hidden = github.createUser("pat-noscope-" + System.nanoTime()).withPrivateEmail();
        github.update(hidden);
        assertRefused(browser.post(PATH, body("token", token(hidden, "repo"))), 400, NO_EMAIL);

        assertEquals(0, TestDatabase.count(USERS_OF, unverified.id()) + TestDatabase.count(USERS_OF, hidden.id()));
    }

    @Test
    void aTokenGitHubDoesNotAcceptIsAnInvalidToken() throws Exception {
        GitHubUser user = github.createUser("pat-revoked-" + System.nanoTime());
        String revoked = token(user, "repo", "user:email");
        github.revokeAllTokens(user);
        assertRefused(browser.post(PATH, body("token", revoked)), 401, INVALID);

        int asked = github.requests("GET", "/api/v3/user").size();
        assertRefused(browser.post(PATH, body("token", "ghp_" + "x".repeat(251))), 401, INVALID);
        assertEquals(asked + 1, github.requests("GET", "/api/v3/user").size(), "255 characters reach GitHub");

        String live = token(user, "repo", "user:email");
        github.failUserEndpoint(403);
        assertRefused(browser.post(PATH, body("token", live)), 401, INVALID);
        github.failUserEndpoint(404);
        assertRefused(browser.post(PATH, body("token", live)), 401, INVALID);
        assertEquals(0, TestDatabase.count(USERS_OF, user.id()));
    }

    @Test
    void whenGitHubIsNotAnsweringTheClientIsToldToTryLater() throws Exception {
        GitHubUser user = github.createUser("pat-outage-" + System.nanoTime());
        String pat = token(user, "repo", "user:email");
        String own = github.issueToken(user, LatchkeyDeployment.CLIENT_ID, "repo", "user:email");
        for (Outage outage : List.of(Outage.HANG, Outage.CONNECTION_RESET)) {
            github.setOutage(outage);
            for (String token : List.of(pat, own)) {
                assertRefused(browser.post(PATH, body("token", token)), 503, NOT_ANSWERING);
            }
        }
        assertEquals(0, TestDatabase.count(USERS_OF, user.id()));
    }

    @Test
    void gitHubAnsweringWithAnErrorOfItsOwnIsABadGatewayNotSilence() throws Exception {
        GitHubUser user = github.createUser("pat-5xx-" + System.nanoTime());
        String pat = token(user, "repo", "user:email");
        String own = github.issueToken(user, LatchkeyDeployment.CLIENT_ID, "repo", "user:email");

        // 1. GitHub's front end answers 502 everywhere: the check of a gho_, and /user for a PAT.
        github.setOutage(Outage.SERVER_ERROR);
        assertRefused(browser.post(PATH, body("token", own)), 502, CHECK_FAILED);
        assertRefused(browser.post(PATH, body("token", pat)), 502, USER_FAILED);
        github.reset();

        // 2. One endpoint at a time: the check, /user, /user/emails (a private address).
        github.failEndpoint("POST", CHECK_PATH, 500);
        assertRefused(browser.post(PATH, body("token", own)), 502, CHECK_FAILED);
        github.reset();
        for (int status : new int[] {500, 502, 503}) {
            github.failUserEndpoint(status);
            assertRefused(browser.post(PATH, body("token", pat)), 502, USER_FAILED);
        }
        github.reset();
        GitHubUser hidden = github.createUser("pat-5xx-private-" + System.nanoTime()).withPrivateEmail();
        github.update(hidden);
        github.failEndpoint("GET", "/api/v3/user/emails", 500);
        assertRefused(browser.post(PATH, body("token", token(hidden, "user:email"))), 502, USER_FAILED);

        assertEquals(0, TestDatabase.count(USERS_OF, user.id()) + TestDatabase.count(USERS_OF, hidden.id()));
    }

    @Test
    void anotherApplicationsTokenForAUserSignsNobodyInAndChangesNothingStored() throws Exception {
        github.registerApp(OTHER_OAUTH_APP, "another-oauth-app-secret");
        github.registerGitHubApp(OTHER_GITHUB_APP, "another-github-app-secret");
        GitHubUser victim = github.createUser("pat-victim-" + System.nanoTime());
        GitHubSignIns.signIn(browser, github, victim);
        String storedBefore = (String) TestDatabase.value(STORED_TOKEN_OF, victim.id());
        long sessionsBefore = TestDatabase.count(SESSIONS_OF, victim.id());
        int profileReads = github.requests("GET", "/api/v3/user").size();
        int checks = github.requests("POST", CHECK_PATH).size();

        // 1. An integration's leaked gho_, then a GitHub App's ghu_, both GitHub-valid tokens of the victim
        String otherOAuth = github.issueToken(victim, OTHER_OAUTH_APP, "repo", "user:email");
        String otherGitHubApp = github.issueToken(victim, OTHER_GITHUB_APP);
        for (String foreign : List.of(otherOAuth, otherGitHubApp)) {
            Browser attacker = new Browser(browser.base());
            assertRefused(attacker.post(PATH, body("token", foreign)), 401, ANOTHER_APP);
            assertTrue(attacker.cookie("access_token").isEmpty());
        }

        // 2. GitHub was asked, as Latchkey's app, whether the tokens were issued to it; /user never was.
        List<LoggedRequest> asked = github.requests("POST", CHECK_PATH);
        assertEquals(checks + 2, asked.size());
        for (int i = 0; i < 2; i++) {
            LoggedRequest check = asked.get(checks + i);
            assertEquals("Basic " + Base64.getEncoder().encodeToString((LatchkeyDeployment.CLIENT_ID + ":"
                    + LatchkeyDeployment.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)),
                    check.getHeader("Authorization"));
            assertEquals(List.of(otherOAuth, otherGitHubApp).get(i),
                    Json.createReader(new StringReader(check.getBodyAsString())).readObject()
                            .getString("access_token"));
        }
        assertEquals(profileReads, github.requests("GET", "/api/v3/user").size(), "refused before /user");

        // 3. Nothing stored changed: the victim's own grant, their sessions, no second user.
        assertEquals(storedBefore, TestDatabase.value(STORED_TOKEN_OF, victim.id()));
        assertEquals(sessionsBefore, TestDatabase.count(SESSIONS_OF, victim.id()));
        assertEquals(1, TestDatabase.count(USERS_OF, victim.id()));
        assertTrue(github.liveTokens(victim).contains(cipher.decrypt(storedBefore).value()), "still live at GitHub");
        assertEquals(200, browser.get("/auth/me").statusCode(), "the victim's own session goes on");

        // 4. A person Latchkey has never seen is not created either.
        GitHubUser stranger = github.createUser("pat-stranger-" + System.nanoTime());
        String strangers = github.issueToken(stranger, OTHER_OAUTH_APP, "user:email");
        assertRefused(new Browser(browser.base()).post(PATH, body("token", strangers)), 401, ANOTHER_APP);
        assertEquals(0, TestDatabase.count(USERS_OF, stranger.id()));
    }

    @Test
    void onlyTokensOfLatchkeysOwnAppAreCheckedAtGitHub() throws Exception {
        GitHubUser user = github.createUser("pat-own-" + System.nanoTime());
        int checks = github.requests("POST", CHECK_PATH).size();

        // 1. Personal access tokens belong to no app: no check, GitHub's /user decides.
        assertEquals(200, browser.post(PATH, body("token", token(user, "repo", "user:email"))).statusCode());
        assertEquals(200, browser.post(PATH, body("token", github.issueTokenWithPrefix(user, "github_pat_")))
                .statusCode());
        assertEquals(checks, github.requests("POST", CHECK_PATH).size(), "no check for ghp_ or github_pat_");

        // 2. Latchkey's own gho_ passes the check and becomes the stored grant.
        String own = github.issueToken(user, LatchkeyDeployment.CLIENT_ID, "repo", "user:email");
        HttpResponse<String> answer = browser.post(PATH, body("token", own));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(checks + 1, github.requests("POST", CHECK_PATH).size());
        assertEquals(own, cipher.decrypt((String) TestDatabase.value(STORED_TOKEN_OF, user.id())).value());

        // 3. A gho_ GitHub does not know (revoked, or of no app at all) is refused the same way.
        github.revokeAllTokens(user);
        assertRefused(browser.post(PATH, body("token", own)), 401, ANOTHER_APP);
        assertRefused(browser.post(PATH, body("token", github.issueTokenWithPrefix(user, "gho_", "user:email"))),
                401, ANOTHER_APP);
    }

    @Test
    void sessionChecksAreAnsweredWhileMoreSignInsThanRequestThreadsWaitOnASilentGitHub() throws Exception {
        GitHubUser user = github.createUser("pat-waiting-" + System.nanoTime());
        String pat = token(user, "repo", "user:email");
        Browser signedIn = new Browser(browser.base());
        assertEquals(200, signedIn.post(PATH, body("token", pat)).statusCode());
        int before = github.requests("GET", "/api/v3/user").size();
        github.setOutage(Outage.HANG);
        int waiting = 24;
        ExecutorService devices = Executors.newFixedThreadPool(waiting);
        try {
            List<Future<HttpResponse<String>>> signIns = new ArrayList<>();
            for (int i = 0; i < waiting; i++) {
                signIns.add(devices.submit(() -> new Browser(browser.base()).post(PATH, body("token", pat))));
            }
            // More than the server's 16 request threads, all waiting on GitHub at once (it answers after 2 s).
            long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (github.requests("GET", "/api/v3/user").size() < before + waiting && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(before + waiting, github.requests("GET", "/api/v3/user").size(), "all reached GitHub");

            HttpResponse<String> me = signedIn.get("/auth/me");

            assertEquals(200, me.statusCode(), me.body());
            assertEquals(0, signIns.stream().filter(Future::isDone).count(),
                    "the session check was answered while every sign-in still waited on GitHub");
            for (Future<HttpResponse<String>> signIn : signIns) {
                assertRefused(signIn.get(), 503, "GitHub is not answering; try again later");
            }
        } finally {
            devices.shutdownNow();
        }
    }

    @Test
    void everySignInQueuedBehindASilentGitHubIsAnsweredWithinOneTimeoutNotInRounds() throws Exception {
        GitHubUser user = github.createUser("pat-queued-" + System.nanoTime());
        String pat = token(user, "repo", "user:email");
        github.setOutage(Outage.HANG);
        // Three times the sign-in pool's 32 threads: in rounds of 32, the last would wait three timeouts (6 s).
        int waiting = 96;
        Duration bound = Duration.ofSeconds(2).plusMillis(2500);
        ExecutorService devices = Executors.newFixedThreadPool(waiting);
        try {
            List<Future<Duration>> signIns = new ArrayList<>();
            for (int i = 0; i < waiting; i++) {
                signIns.add(devices.submit(() -> {
                    long sent = System.nanoTime();
                    assertRefused(new Browser(browser.base()).post(PATH, body("token", pat)), 503, NOT_ANSWERING);
                    return Duration.ofNanos(System.nanoTime() - sent);
                }));
            }
            Duration longest = Duration.ZERO;
            for (Future<Duration> signIn : signIns) {
                longest = signIn.get().compareTo(longest) > 0 ? signIn.get() : longest;
            }
            assertTrue(longest.compareTo(bound) < 0, "the slowest of " + waiting + " sign-ins took " + longest
                    + ", more than GITHUB_TIMEOUT_SECONDS (2 s) and a margin");
        } finally {
            devices.shutdownNow();
        }
        assertEquals(0, TestDatabase.count(USERS_OF, user.id()));
    }

    @Test
    void malformedBodiesAndTokensAreClientErrorsThatNeverReachGitHub() {
        String good = "ghp_" + "a".repeat(36);
        int asked = github.requests(null, "/api/v3/").size();
        for (String notJson : List.of("", "not json", "{", "{\"token\":", "[]", "[\"" + good + "\"]", "\"" + good
                + "\"", "42", "null", "{\"token\":[\"" + good + "\"]}", "{\"token\":{\"value\":\"" + good + "\"}}")) {
            assertRefused(browser.post(PATH, notJson), 400, NOT_JSON);
        }
        for (String missing : List.of("{}", "{\"token\":null}", "{\"token\":\"\"}", "{\"Token\":\"" + good + "\"}",
                "{\"access_token\":\"" + good + "\"}")) {
            assertRefused(browser.post(PATH, missing), 400, MISSING);
        }
        for (String malformed : List.of("ghs_" + "a".repeat(36), "ghr_" + "a".repeat(36), "gh_abc", "ghp_",
                "ghp_" + "a".repeat(252), "github_pat_" + "a".repeat(245), "ghp_abc def", " " + good, good + "\n",
                "ghp_abc-def", "ghp_äbc", "Bearer " + good, "GHP_ABC")) {
            assertRefused(browser.post(PATH, body("token", malformed)), 400, MALFORMED);
        }
        assertRefused(browser.post(PATH, "{\"token\":12345}"), 400, MALFORMED);
        assertRefused(browser.post(PATH, "{\"token\":true}"), 400, MALFORMED);
        assertEquals(asked, github.requests(null, "/api/v3/").size(), "nothing was sent to GitHub");
    }

    @Test
    void onlyJsonOfAReasonableSizeFromATrustedPageIsRead() throws Exception {
        // Without a Content-Type a cross-site page could post without a CORS preflight (login CSRF)
        int asked = github.requests(null, "/api/v3/").size();
        assertRefused(raw(null, body("token", "ghp_" + "a".repeat(36))), 415,
                "Unsupported content type: send application/json.");
        HttpResponse<String> foreign = new Browser(browser.base()).onPage("https://evil.example")
                .post(PATH, body("token", "ghp_" + "a".repeat(36)));
        assertRefused(foreign, 403, "Invalid origin");
        assertEquals(asked, github.requests(null, "/api/v3/").size(), "nothing was sent to GitHub");
        String form = "token=ghp_" + "a".repeat(36);
        assertRefused(raw("application/x-www-form-urlencoded", form), 415,
                "Unsupported content type: send application/json.");
        assertRefused(raw("text/plain", body("token", "ghp_" + "a".repeat(36))), 415,
                "Unsupported content type: send application/json.");
        assertRefused(browser.post(PATH, "{\"token\":\"ghp_a\",\"padding\":\"" + "x".repeat(10_000) + "\"}"), 413,
                "The request body is too large.");
        assertEquals(405, browser.get(PATH).statusCode());
    }

    @Test
    void theEndpointIsDescribedInTheOpenApiDocument() {
        String openApi = browser.get("/openapi").body();
        assertTrue(openApi.contains(PATH + ":"), openApi);
        assertTrue(openApi.contains("Invalid GitHub token"), "OpenAPI names the errors");
    }

    @Test
    void simultaneousFirstSignInsWithOneTokenMakeOneUser() throws Exception {
        GitHubUser user = github.createUser("pat-race-" + System.nanoTime());
        String pat = token(user, "repo", "user:email");
        List<Callable<HttpResponse<String>>> devices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            devices.add(() -> new Browser(browser.base()).post(PATH, body("token", pat)));
        }

        List<HttpResponse<String>> answers = Simultaneously.run(devices);

        for (HttpResponse<String> answer : answers) {
            assertEquals(200, answer.statusCode(), answer.body());
        }
        assertEquals(1, answers.stream().map(a -> json(a).getJsonObject("user").getInt("id")).distinct().count());
        assertEquals(8, answers.stream().map(a -> json(a).getString("access_token")).distinct().count());
        assertEquals(1, TestDatabase.count(USERS_OF, user.id()));
        assertEquals(8, TestDatabase.count(SESSIONS_OF, user.id()));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM github_tokens t JOIN users u ON u.id = t.user_id "
                + "WHERE u.github_id = ?", user.id()));
    }

    @Test
    void aTokenSignInReachesTheUserWhoSignedInWithGitHubAndStartsItsOwnSession() throws Exception {
        GitHubUser user = github.createUser("pat-oauth-" + System.nanoTime());
        GitHubSignIns.signIn(browser, github, user);
        JsonObject viaOAuth = json(browser.get("/auth/me"));

        String pat = token(user, "repo", "user:email");
        Browser script = new Browser(browser.base());
        JsonObject first = json(script.post(PATH, body("token", pat)));
        JsonObject second = json(script.post(PATH, body("token", pat)));

        assertEquals(viaOAuth, first.getJsonObject("user"), "the same user, created when GitHub sign-in was");
        assertNotEquals(first.getString("access_token"), second.getString("access_token"));
        assertEquals(1, TestDatabase.count(USERS_OF, user.id()));
        assertEquals(3, TestDatabase.count(SESSIONS_OF, user.id()));
        assertEquals(200, browser.get("/auth/me").statusCode(), "the GitHub sign-in's session goes on");
        assertEquals(pat, cipher.decrypt((String) TestDatabase.value(STORED_TOKEN_OF, user.id())).value());
    }

    private String token(GitHubUser user, String... scopes) {
        return github.issueTokenWithPrefix(user, "ghp_", scopes);
    }

    private static String body(String field, String value) {
        return Json.createObjectBuilder().add(field, value).build().toString();
    }

    private HttpResponse<String> raw(String contentType, String content) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(browser.base().resolve(PATH))
                .POST(HttpRequest.BodyPublishers.ofString(content));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A problem answer that starts no session. */
    private static void assertRefused(HttpResponse<String> answer, int status, String detail) {
        assertProblem(answer, status, detail);
        assertTrue(Browser.setCookieHeader(answer, "access_token").isEmpty(), "no session cookie");
    }
}
