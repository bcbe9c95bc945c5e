package dev.latchkey.it;

import static dev.latchkey.it.GitHubSignIns.location;
import static dev.latchkey.it.GitHubSignInIT.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import dev.latchkey.testing.github.Outage;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every way GitHub's callback can fail: browsers go back to the login page with an error code, scripts get a
 * problem, and no user or session is created.
 */
@ExtendWith(ArquillianExtension.class)
class GitHubCallbackFailuresIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.shared();
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();
    private Browser browser;
    private GitHubUser user;

    @BeforeEach
    void setUp() throws Exception {
        browser = new Browser(url.toURI());
        github.reset();
        user = github.createUser("failing-" + System.nanoTime());
    }

    @AfterEach
    void nothingWasCreated() throws SQLException {
        github.reset();
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", user.id()),
                "a failed sign-in creates no user");
    }

    @Test
    void anUnknownStateSendsBrowsersBackWithInvalidStateAndScriptsAProblem() {
        browser.get("/auth/github");
        assertFailure(browser.get("/auth/github/callback?code=abc&state=forged", "Accept", Browser.HTML),
                "invalid_state");
        assertProblem(browser.get("/auth/github/callback?code=abc&state=forged", "Accept", "application/json"),
                400, "Invalid or expired OAuth state");
        assertProblem(browser.get("/auth/github/callback"), 400, "Invalid or expired OAuth state");
    }

    @Test
    void aStateIsConsumedOnceEvenWhenALaterStepFailed() {
        String callback = GitHubSignIns.authorize(browser, github, user, "/auth/github");
        github.failNextTokenExchange("bad_verification_code");
        assertFailure(browser.get(callback, "Accept", Browser.HTML), "github_error");

        browser.setCookie("latchkey_oauth_state", stateOf(callback));
        assertFailure(browser.get(callback, "Accept", Browser.HTML), "invalid_state");
    }

    @Test
    void aStateFromAnotherBrowserIsRefusedAndBurnt() {
        String callback = GitHubSignIns.authorize(browser, github, user, "/auth/github");
        Browser victim = new Browser(browser.base());

        assertFailure(victim.get(callback, "Accept", Browser.HTML), "invalid_state");
        assertFailure(browser.get(callback, "Accept", Browser.HTML), "invalid_state");
    }

    @Test
    void anExpiredStateIsRefused() throws Exception {
        String callback = GitHubSignIns.authorize(browser, github, user, "/auth/github");
        TestDatabase.update("UPDATE oauth_states SET expires_at = created_at - INTERVAL '1' MINUTE "
                + "WHERE state_hash = ?", GitHubSignInIT.sha256(stateOf(callback)));

        assertFailure(browser.get(callback, "Accept", Browser.HTML), "invalid_state");
    }

    @Test
    void aDeniedAuthorizationIsReportedAsAccessDenied() {
        HttpResponse<String> start = browser.get("/auth/github");
        github.signInAs(user);
        github.denyNextAuthorization();
        HttpResponse<String> back = browser.get(location(start).toString());
        assertTrue(location(back).getQuery().contains("error=access_denied"));

        assertFailure(browser.get(GitHubSignIns.callbackPath(back), "Accept", Browser.HTML), "access_denied");
    }

    @Test
    void aCodeGitHubRefusesToExchangeIsAGitHubError() {
        String callback = GitHubSignIns.authorize(browser, github, user, "/auth/github");
        github.failNextTokenExchange("bad_verification_code");

        assertProblem(browser.get(callback, "Accept", "application/json"), 400, "Failed to exchange GitHub code");
    }

    @Test
    void aUserGitHubWillNotDescribeIsABadGateway() {
        String callback = GitHubSignIns.authorize(browser, github, user, "/auth/github");
        github.failUserEndpoint(403);

        assertProblem(browser.get(callback, "Accept", "application/json"), 502, "Failed to fetch GitHub user");
    }

    @Test
    void aServerErrorFromUserAfterAGoodCodeExchangeIsABadGatewayNotUnavailable() {
        // 1. A script gets GitHub's failure as a 502 problem.
        String callback = GitHubSignIns.authorize(browser, github, user, "/auth/github");
        github.failUserEndpoint(500);
        assertProblem(browser.get(callback, "Accept", "application/json"), 502, "Failed to fetch GitHub user");
        assertEquals(1, github.requests("POST", "/login/oauth/access_token").stream()
                .filter(exchange -> exchange.getBodyAsString().contains(codeOf(callback))).count(),
                "the code exchange itself went well");

        // 2. A browser goes back to the sign-in page with github_error, not github_unavailable.
        github.reset();
        String again = GitHubSignIns.authorize(browser, github, user, "/auth/github");
        github.failUserEndpoint(503);
        assertFailure(browser.get(again, "Accept", Browser.HTML), "github_error");
    }

    @Test
    void gitHubsOwnErrorsAtEveryStepAreBadGateways() {
        // 1. The code exchange answers 500: GitHub's fault, not the browser's (502, not 400).
        String callback = GitHubSignIns.authorize(browser, github, user, "/auth/github");
        github.failEndpoint("POST", "/login/oauth/access_token", 500);
        assertProblem(browser.get(callback, "Accept", "application/json"), 502, "Failed to exchange GitHub code");
        github.reset();

        // 2. /user/emails answers 500 for a user whose profile hides the address: not "no email".
        github.update(user.withPrivateEmail());
        callback = GitHubSignIns.authorize(browser, github, user.withPrivateEmail(), "/auth/github");
        github.failEndpoint("GET", "/api/v3/user/emails", 500);
        assertProblem(browser.get(callback, "Accept", "application/json"), 502, "Failed to fetch GitHub user");
        github.reset();

        // 3. GitHub's front end answers its 502 page to everything.
        callback = GitHubSignIns.authorize(browser, github, user, "/auth/github");
        github.setOutage(Outage.SERVER_ERROR);
        assertFailure(browser.get(callback, "Accept", Browser.HTML), "github_error");
    }

    @Test
    void aGitHubThatDoesNotAnswerInTimeIsUnavailable() {
        String callback = GitHubSignIns.authorize(browser, github, user, "/auth/github");
        github.setOutage(Outage.HANG);

        assertFailure(browser.get(callback, "Accept", Browser.HTML), "github_unavailable");

        github.reset();
        String again = GitHubSignIns.authorize(browser, github, user, "/auth/github");
        github.setOutage(Outage.HANG);
        assertProblem(browser.get(again, "Accept", "application/json"), 503,
                "GitHub is not answering; try again later");
    }

    @Test
    void aGitHubThatDropsTheConnectionIsUnavailable() {
        String callback = GitHubSignIns.authorize(browser, github, user, "/auth/github");
        github.setOutage(Outage.CONNECTION_RESET);

        assertProblem(browser.get(callback, "Accept", "application/json"), 503,
                "GitHub is not answering; try again later");
    }

    private static String codeOf(String callbackPath) {
        return GitHubSignInIT.query(java.net.URI.create(callbackPath)).get("code");
    }

    private static String stateOf(String callbackPath) {
        return GitHubSignInIT.query(java.net.URI.create(callbackPath)).get("state");
    }

    private static void assertFailure(HttpResponse<String> response, String code) {
        assertEquals(302, response.statusCode(), response.body());
        assertEquals("http://localhost:8080/?error=" + code, location(response).toString());
        assertTrue(Browser.setCookieHeader(response, "access_token").isEmpty(), "no session cookie");
    }

    static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(detail, json(response).getString("detail"));
        assertEquals(status, json(response).getInt("status"));
    }
}
