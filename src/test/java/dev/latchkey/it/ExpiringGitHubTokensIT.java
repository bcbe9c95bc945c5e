package dev.latchkey.it;

import static dev.latchkey.it.GitHubCallbackFailuresIT.assertProblem;
import static dev.latchkey.it.GitHubSignInIT.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import dev.latchkey.testing.github.Organization;
import dev.latchkey.testing.github.Outage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in through a GitHub App, whose user tokens expire after 8 hours: both tokens stored encrypted with their
 * expiries, refreshed once when needed within 5 minutes of expiry, cleared when GitHub refuses the refresh.
 */
@ExtendWith(ArquillianExtension.class)
class ExpiringGitHubTokensIT {

    private static final String APP_ID = "Iv23.latchkeyexpiring";
    private static final String APP_SECRET = "latchkey-github-app-secret-0123456789abcdef";
    private static final String EXPIRED = "GitHub authorization expired — please sign in with GitHub again";

    @Deployment(testable = false)
    static WebArchive deployment() {
        LatchkeyDeployment.github().registerGitHubApp(APP_ID, APP_SECRET);
        return LatchkeyDeployment.withSettings(Map.of("GITHUB_CLIENT_ID", APP_ID, "GITHUB_CLIENT_SECRET", APP_SECRET));
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();
    private Browser browser;
    private GitHubUser user;
    private Duration clockMoved = Duration.ZERO;

    @BeforeEach
    void signIn() throws Exception {
        browser = new Browser(url.toURI());
        github.reset();
        user = github.createUser("expiring-" + System.nanoTime());
        assertEquals(302, GitHubSignIns.signIn(browser, github, user).statusCode());
    }

    /** The stub serves other scenarios of this run too: it answers again, grants 8-hour tokens, on its old clock. */
    @AfterEach
    void githubAnswersAgain() {
        github.reset();
        github.advanceClock(clockMoved.negated());
    }

    @Test
    void signingInStoresBothTokensEncryptedWithTheirExpiriesAndUsesThemAsTheyAre() throws Exception {
        // 1. Both tokens are stored Fernet-encrypted, with GitHub's lifetimes counted from the sign-in.
        StoredGitHubTokenRow row = stored();
        assertFalse(row.accessToken().startsWith("ghu_") || row.refreshToken().startsWith("ghr_"), "encrypted");
        assertEquals(Set.of(row.token()), github.liveTokens(user));
        assertEquals(Set.of(row.refresh()), github.liveRefreshTokens(user));
        assertAbout(Instant.now().plusSeconds(28_800), row.expiresAt());
        assertAbout(Instant.now().plusSeconds(15_811_200), row.refreshExpiresAt());
        assertEquals("", row.scopes(), "GitHub App tokens have no OAuth scopes");

        // 2. A fresh token is used as it is: no scope is required of it, nothing is refreshed.
        HttpResponse<String> scopes = browser.get("/auth/github/scopes");
        assertEquals(200, scopes.statusCode(), scopes.body());
        for (String list : List.of("granted", "required", "missing")) {
            assertEquals(0, json(scopes).getJsonArray(list).size(), list);
        }
        assertEquals(0, refreshesWith(row.refresh()));
    }

    @Test
    void aTokenNeededInItsLastFiveMinutesIsRefreshedFirst() throws Exception {
        Organization acme = github.joinOrganization(user, "acme-" + System.nanoTime());
        StoredGitHubTokenRow before = stored();

        // 1. With six minutes left the token is used as it is.
        timePasses(Duration.ofMinutes(6));
        assertEquals(200, browser.get("/auth/github/organizations").statusCode());
        assertEquals(0, refreshesWith(before.refresh()));

        // 2. With four minutes left it is refreshed before use; the route needs read:org, which a GitHub App token
        //    does not have as an OAuth scope, so the check is left to GitHub's own permissions.
        timePasses(Duration.ofMinutes(4));
        HttpResponse<String> orgs = browser.get("/auth/github/organizations");
        assertEquals(200, orgs.statusCode(), orgs.body());
        JsonArray list = Json.createReader(new StringReader(orgs.body())).readArray();
        assertEquals(1, list.size());
        assertEquals(acme.login(), list.getJsonObject(0).getString("login"));
        assertEquals(acme.id(), list.getJsonObject(0).getJsonNumber("id").longValue());
        assertEquals(acme.avatarUrl(), list.getJsonObject(0).getString("avatar_url"));

        // 3. The new pair is stored, the old one is dead at GitHub.
        StoredGitHubTokenRow after = stored();
        assertNotEquals(before.token(), after.token());
        assertEquals(Set.of(after.token()), github.liveTokens(user));
        assertEquals(Set.of(after.refresh()), github.liveRefreshTokens(user));
        assertEquals(401, gitHubStatusOf(before.token()));
        assertAbout(Instant.now().plusSeconds(28_800), after.expiresAt());
        assertEquals(1, refreshesWith(before.refresh()));
    }

    @Test
    void anExpiredTokenIsRefreshedBeforeItIsSentToGitHub() throws Exception {
        String old = stored().token();
        timePasses(Duration.ofMinutes(-1));
        assertEquals(401, gitHubStatusOf(old), "GitHub no longer takes it");

        assertEquals(200, browser.get("/auth/github/scopes").statusCode());
        assertEquals(200, gitHubStatusOf(stored().token()));
    }

    @Test
    void tenSimultaneousNeedsRefreshTheTokenOnce() throws Exception {
        String refreshToken = stored().refresh();
        timePasses(Duration.ofMinutes(2));
        long refreshesBefore = refreshGrants();

        for (HttpResponse<String> answer : simultaneousNeeds(10)) {
            assertEquals(200, answer.statusCode(), answer.body());
        }
        assertEquals(1, refreshGrants() - refreshesBefore, "one refresh for ten needs");
        assertEquals(1, refreshesWith(refreshToken));
        assertEquals(Set.of(stored().token()), github.liveTokens(user));
    }

    /** Issue 12, item 16: each refresh kills the token that the requests before it were sending to GitHub. */
    @Test
    void tenSimultaneousNeedsOfATokenGrantedForTwoMinutesAllAnswerAndRefreshItOnce() throws Exception {
        // 1. GitHub grants tokens for two minutes, less than the five-minute margin: a fresh one is used as it is,
        //    however many requests need it at once.
        github.issueUserTokensFor(Duration.ofMinutes(2));
        user = github.createUser("two-minutes-" + System.nanoTime());
        browser = new Browser(url.toURI());
        assertEquals(302, GitHubSignIns.signIn(browser, github, user).statusCode());
        StoredGitHubTokenRow granted = stored();
        assertAbout(Instant.now().plusSeconds(120), granted.expiresAt());
        long refreshesBefore = refreshGrants();
        for (HttpResponse<String> answer : simultaneousNeeds(10)) {
            assertEquals(200, answer.statusCode(), answer.body());
        }
        assertEquals(refreshesBefore, refreshGrants(), "nothing refreshed");
        assertEquals(Set.of(granted.token()), github.liveTokens(user));

        // 2. In the last half of its life it is refreshed before use: once for ten simultaneous needs, all of which
        //    use the new token (GitHub killed the old one and its refresh token).
        timePasses(Duration.ofSeconds(50));
        for (HttpResponse<String> answer : simultaneousNeeds(10)) {
            assertEquals(200, answer.statusCode(), answer.body());
        }
        assertEquals(1, refreshGrants() - refreshesBefore, "one refresh for ten needs");
        assertEquals(1, refreshesWith(granted.refresh()));
        StoredGitHubTokenRow renewed = stored();
        assertNotEquals(granted.token(), renewed.token());
        assertEquals(Set.of(renewed.token()), github.liveTokens(user));
        assertEquals(Set.of(renewed.refresh()), github.liveRefreshTokens(user));
        assertAbout(Instant.now().plusSeconds(120), renewed.expiresAt());

        // 3. The new token is fresh: the next need uses it as it is.
        assertEquals(200, browser.get("/auth/github/scopes").statusCode());
        assertEquals(1, refreshGrants() - refreshesBefore);
        assertEquals(renewed.accessToken(), stored().accessToken());
    }

    @Test
    void aRefusedRefreshClearsTheTokenAndAsksToSignInWithGitHubAgain() throws Exception {
        // 1. The user revoked the app on github.com: its refresh token is dead too.
        github.revokeAllTokens(user);
        timePasses(Duration.ofMinutes(2));

        // 2. Where the token is needed, GitHub's refusal is told and the token is gone; the session lives on.
        assertProblem(browser.get("/auth/github/organizations"), 401, EXPIRED);
        assertTrue(StoredGitHubTokenRow.of(user.id()).isEmpty(), "the stored token was cleared");
        assertEquals(200, browser.get("/auth/me").statusCode());
        assertProblem(browser.get("/auth/github/scopes"), 401, EXPIRED);

        // 3. Signing in with GitHub again stores a new grant.
        GitHubSignIns.signIn(browser, github, user);
        assertEquals(Set.of(stored().token()), github.liveTokens(user));
        assertEquals(200, browser.get("/auth/github/scopes").statusCode());
    }

    @Test
    void aRefreshThatFailsForAnotherReasonThanTheRefreshTokenKeepsTheToken() throws Exception {
        StoredGitHubTokenRow before = stored();
        timePasses(Duration.ofMinutes(1));

        // 1. GitHub is down.
        github.setOutage(Outage.CONNECTION_RESET);
        assertProblem(browser.get("/auth/github/scopes"), 503, "GitHub is not answering; try again later");
        assertEquals(before.accessToken(), stored().accessToken(), "nothing changed");

        // 2. GitHub refuses Latchkey itself, as after the app's client secret was rotated.
        github.reset();
        github.failNextTokenExchange("incorrect_client_credentials");
        assertProblem(browser.get("/auth/github/scopes"), 502, "Failed to refresh the GitHub token");
        assertEquals(before.accessToken(), stored().accessToken(), "nothing changed");

        // 3. Once GitHub answers again, the next need refreshes.
        assertEquals(200, browser.get("/auth/github/scopes").statusCode());
        assertNotEquals(before.token(), stored().token());
        assertEquals(Set.of(stored().token()), github.liveTokens(user));
    }

    @Test
    void aRefreshGitHubAnswersWithItsOwnErrorIsABadGatewayAndKeepsTheToken() throws Exception {
        StoredGitHubTokenRow before = stored();
        timePasses(Duration.ofMinutes(1));

        // 1. GitHub answers the refresh with 500, then its front end with 502: it answered, so 502, not 503.
        github.failEndpoint("POST", "/login/oauth/access_token", 500);
        assertProblem(browser.get("/auth/github/scopes"), 502, "Failed to refresh the GitHub token");
        github.reset();
        github.setOutage(Outage.SERVER_ERROR);
        assertProblem(browser.get("/auth/github/scopes"), 502, "Failed to refresh the GitHub token");
        github.reset();
        assertEquals(before.accessToken(), stored().accessToken(), "nothing changed");

        // 2. Once GitHub works again, the next need refreshes.
        assertEquals(200, browser.get("/auth/github/scopes").statusCode());
        assertNotEquals(before.token(), stored().token());
        assertEquals(Set.of(stored().token()), github.liveTokens(user));
    }

    @Test
    void whileGitHubHangsSimultaneousNeedsAllHearItIsNotAnsweringAndTheTokenIsKept() throws Exception {
        StoredGitHubTokenRow before = stored();
        timePasses(Duration.ofMinutes(1));
        github.setOutage(Outage.HANG);

        for (HttpResponse<String> answer : simultaneousNeeds(6)) {
            assertProblem(answer, 503, "GitHub is not answering; try again later");
        }

        github.reset();
        assertEquals(before.accessToken(), stored().accessToken(), "nothing changed");
        assertEquals(200, browser.get("/auth/github/scopes").statusCode());
    }

    @Test
    void signingInAgainReplacesTheTokenRefreshTokenExpiriesAndScopes() throws Exception {
        StoredGitHubTokenRow first = stored();
        StoredGitHubTokenRow.plant(user.id(), first.token(), "repo read:org");
        StoredGitHubTokenRow.expireAt(user.id(), Instant.now().plus(Duration.ofHours(1)));

        GitHubSignIns.signIn(new Browser(browser.base()), github, user);

        StoredGitHubTokenRow second = stored();
        assertNotEquals(first.token(), second.token());
        assertNotEquals(first.refresh(), second.refresh());
        assertTrue(github.liveTokens(user).contains(second.token()));
        assertTrue(github.liveRefreshTokens(user).contains(second.refresh()));
        assertAbout(Instant.now().plusSeconds(28_800), second.expiresAt());
        assertEquals("", second.scopes());
    }

    private StoredGitHubTokenRow stored() throws Exception {
        return StoredGitHubTokenRow.of(user.id()).orElseThrow();
    }

    /** As if time passed until the token had {@code left} to live: on GitHub's clock and for Latchkey alike. */
    private void timePasses(Duration left) throws Exception {
        Duration passed = Duration.between(Instant.now(), stored().expiresAt()).minus(left);
        github.advanceClock(passed);
        clockMoved = clockMoved.plus(passed);
        StoredGitHubTokenRow.age(user.id(), passed);
    }

    /** The user's session on as many devices, each asking for the scopes at the same moment. */
    private List<HttpResponse<String>> simultaneousNeeds(int devices) throws Exception {
        String session = browser.cookie("access_token").orElseThrow();
        List<Callable<HttpResponse<String>>> needs = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            needs.add(() -> {
                Browser device = new Browser(browser.base());
                device.setCookie("access_token", session);
                return device.get("/auth/github/scopes");
            });
        }
        return Simultaneously.run(needs);
    }

    /** Refresh grants GitHub received, with any refresh token. */
    private long refreshGrants() {
        return github.requests("POST", "/login/oauth/access_token").stream()
                .filter(request -> request.getBodyAsString().contains("grant_type=refresh_token"))
                .count();
    }

    private long refreshesWith(String refreshToken) {
        return github.requests("POST", "/login/oauth/access_token").stream()
                .map(LoggedRequest::getBodyAsString)
                .filter(body -> body.contains("grant_type=refresh_token")
                        && body.contains("refresh_token=" + refreshToken))
                .count();
    }

    /** What GitHub's {@code GET /user} answers this token. */
    private int gitHubStatusOf(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(github.apiUrl() + "/user"))
                .header("Authorization", "Bearer " + token).header("User-Agent", "Latchkey-IT").build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void assertAbout(Instant expected, Instant actual) {
        assertTrue(Duration.between(expected, actual).abs().compareTo(Duration.ofMinutes(1)) < 0,
                "expected about " + expected + ", was " + actual);
    }
}
