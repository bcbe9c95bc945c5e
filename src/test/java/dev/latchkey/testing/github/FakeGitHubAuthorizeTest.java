package dev.latchkey.testing.github;

import static dev.latchkey.testing.github.TestClient.CALLBACK;
import static dev.latchkey.testing.github.TestClient.CLIENT_ID;
import static dev.latchkey.testing.github.TestClient.CLIENT_SECRET;
import static dev.latchkey.testing.github.TestClient.exchangeForm;
import static dev.latchkey.testing.github.TestClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's consent page and the failures a test can make GitHub produce around it. */
class FakeGitHubAuthorizeTest {

    private static final String AUTHORIZE = "client_id=" + CLIENT_ID + "&redirect_uri=" + CALLBACK + "&state=xyz";

    private final TestClient client = new TestClient();
    private FakeGitHub github;

    @BeforeEach
    void start() {
        github = FakeGitHub.start();
        github.registerApp(CLIENT_ID, CLIENT_SECRET);
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void anUnknownClientGetsGitHubsNotFoundPage() throws Exception {
        github.signInAs(github.createUser("alice"));

        HttpResponse<String> page = client.get(github.webUrl() + "/login/oauth/authorize?client_id=nope&state=x");

        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    }

    @Test
    void aBrowserWithoutAGitHubSessionStopsOnTheSignInPage() throws Exception {
        HttpResponse<String> page = client.get(github.webUrl() + "/login/oauth/authorize?" + AUTHORIZE);

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Sign in to GitHub"), page.body());
    }

    @Test
    void aDeniedAuthorizationRedirectsWithAccessDeniedOnce() throws Exception {
        github.signInAs(github.createUser("alice"));
        github.denyNextAuthorization();

        Map<String, String> denied = client.authorize(github, AUTHORIZE);

        assertEquals("access_denied", denied.get("error"));
        assertEquals("The user has denied your application access.", denied.get("error_description"));
        assertTrue(denied.get("error_uri").startsWith("https://docs.github.com/"));
        assertEquals("xyz", denied.get("state"));
        assertNull(denied.get("code"));
        assertTrue(client.authorize(github, AUTHORIZE).containsKey("code"), "only the next one is denied");
    }

    @Test
    void aQueuedExchangeFailureAnswersThatErrorAndBurnsTheCode() throws Exception {
        github.signInAs(github.createUser("alice"));
        String code = client.code(github);
        github.failNextTokenExchange("unverified_user_email");

        HttpResponse<String> failed = client.exchange(github, exchangeForm(code), "application/json");

        assertEquals(200, failed.statusCode());
        assertEquals("unverified_user_email", object(failed).getString("error"));
        assertEquals("bad_verification_code",
                object(client.exchange(github, exchangeForm(code), "application/json")).getString("error"));
    }

    @Test
    void aCodeExpiresAfterTenMinutes() throws Exception {
        github.signInAs(github.createUser("alice"));
        String code = client.code(github);
        github.advanceClock(Duration.ofMinutes(10));

        HttpResponse<String> late = client.exchange(github, exchangeForm(code), "application/json");

        assertEquals("bad_verification_code", object(late).getString("error"));
    }

    @Test
    void theRefreshGrantHasNoLiveRefreshToken() throws Exception {
        HttpResponse<String> refresh = client.exchange(github, Map.of("client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "grant_type", "refresh_token", "refresh_token", "ghr_x"),
                "application/json");

        assertEquals("bad_refresh_token", object(refresh).getString("error"));
    }

    @Test
    void fiftyParallelCallbacksEachGetTheirOwnToken() throws Exception {
        GitHubUser alice = github.createUser("alice");
        github.signInAs(alice);
        List<String> codes = IntStream.range(0, 50).mapToObj(i -> code()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<String>> exchanges = codes.stream().<Callable<String>>map(code -> () -> object(
                    client.exchange(github, exchangeForm(code), "application/json")).getString("access_token"))
                    .toList();
            List<String> tokens = pool.invokeAll(exchanges).stream().map(FakeGitHubAuthorizeTest::get).toList();

            assertEquals(50, tokens.stream().distinct().count());
            assertEquals(50, github.liveTokens(alice).size());
            assertEquals(50, github.requests("POST", "/login/oauth/access_token").size());
        } finally {
            pool.shutdownNow();
        }
    }

    private String code() {
        try {
            return client.code(github);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
