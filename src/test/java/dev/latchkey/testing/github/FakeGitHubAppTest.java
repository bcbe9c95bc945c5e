package dev.latchkey.testing.github;

import static dev.latchkey.testing.github.TestClient.CALLBACK;
import static dev.latchkey.testing.github.TestClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A GitHub App's user tokens: they expire after 8 hours and come with single-use refresh tokens. */
class FakeGitHubAppTest {

    private static final String APP_ID = "Iv23.expiringapp0001";
    private static final String APP_SECRET = "github-app-secret-0123456789abcdef";

    private final TestClient client = new TestClient();
    private FakeGitHub github;
    private GitHubUser alice;

    @BeforeEach
    void start() {
        github = FakeGitHub.start();
        github.registerGitHubApp(APP_ID, APP_SECRET);
        alice = github.createUser("alice");
        github.signInAs(alice);
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void theCodeBecomesAnExpiringUserTokenWithARefreshTokenAndNoScopes() throws Exception {
        HttpResponse<String> exchange = client.exchange(github, form("code", code()), "application/json");

        JsonObject grant = object(exchange);
        assertTrue(grant.getString("access_token").matches("ghu_[A-Za-z0-9]{36}"), grant.toString());
        assertTrue(grant.getString("refresh_token").matches("ghr_[A-Za-z0-9]{76}"), grant.toString());
        assertEquals(28_800, grant.getInt("expires_in"));
        assertEquals(15_811_200, grant.getInt("refresh_token_expires_in"));
        assertEquals("", grant.getString("scope"));
        assertEquals("bearer", grant.getString("token_type"));
        HttpResponse<String> user = client.api(github, "/user", grant.getString("access_token"));
        assertEquals(200, user.statusCode());
        assertFalse(user.headers().firstValue("X-OAuth-Scopes").isPresent(), "GitHub App tokens report no scopes");
    }

    @Test
    void theFormEncodedAnswerCarriesTheSameFields() throws Exception {
        String body = client.exchange(github, form("code", code()), "*/*").body();

        assertTrue(body.matches("access_token=ghu_\\w{36}&expires_in=28800&refresh_token=ghr_\\w{76}"
                + "&refresh_token_expires_in=15811200&scope=&token_type=bearer"), body);
    }

    @Test
    void aUserTokenIsBadCredentialsAfterEightHours() throws Exception {
        String token = object(client.exchange(github, form("code", code()), "application/json"))
                .getString("access_token");
        github.advanceClock(Duration.ofHours(8).minusSeconds(5));
        assertEquals(200, client.api(github, "/user", token).statusCode());

        github.advanceClock(Duration.ofSeconds(5));

        HttpResponse<String> expired = client.api(github, "/user", token);
        assertEquals(401, expired.statusCode());
        assertEquals("Bad credentials", object(expired).getString("message"));
        assertTrue(github.liveTokens(alice).isEmpty());
    }

    @Test
    void refreshingGivesANewPairAndKillsTheOldTokenAndRefreshToken() throws Exception {
        JsonObject first = object(client.exchange(github, form("code", code()), "application/json"));
        github.advanceClock(Duration.ofHours(9));

        JsonObject second = refresh(first.getString("refresh_token"), APP_SECRET);

        assertTrue(second.getString("access_token").startsWith("ghu_"), second.toString());
        assertEquals(28_800, second.getInt("expires_in"));
        assertEquals(Set.of(second.getString("access_token")), github.liveTokens(alice));
        assertEquals(Set.of(second.getString("refresh_token")), github.liveRefreshTokens(alice));
        assertEquals(200, client.api(github, "/user", second.getString("access_token")).statusCode());
        assertEquals("bad_refresh_token", refresh(first.getString("refresh_token"), APP_SECRET).getString("error"),
                "a refresh token works once");
        assertEquals(Set.of(second.getString("access_token")), github.liveTokens(alice),
                "a failed reuse kills nothing");
    }

    @Test
    void refreshingKillsTheOldAccessTokenEvenBeforeItExpires() throws Exception {
        JsonObject first = object(client.exchange(github, form("code", code()), "application/json"));

        refresh(first.getString("refresh_token"), APP_SECRET);

        assertEquals(401, client.api(github, "/user", first.getString("access_token")).statusCode());
    }

    @Test
    void tokensCanBeGrantedForLessThanEightHoursUntilReset() throws Exception {
        github.issueUserTokensFor(Duration.ofMinutes(2));
        JsonObject first = object(client.exchange(github, form("code", code()), "application/json"));
        assertEquals(120, first.getInt("expires_in"));
        assertEquals(15_811_200, first.getInt("refresh_token_expires_in"));
        JsonObject second = refresh(first.getString("refresh_token"), APP_SECRET);
        assertEquals(120, second.getInt("expires_in"));
        github.advanceClock(Duration.ofMinutes(2));
        assertEquals(401, client.api(github, "/user", second.getString("access_token")).statusCode());

        github.reset();

        assertEquals(28_800, refresh(second.getString("refresh_token"), APP_SECRET).getInt("expires_in"));
    }

    @Test
    void aWrongSecretIsRefusedWithoutUsingTheRefreshToken() throws Exception {
        JsonObject first = object(client.exchange(github, form("code", code()), "application/json"));

        assertEquals("incorrect_client_credentials",
                refresh(first.getString("refresh_token"), "wrong").getString("error"));
        assertTrue(refresh(first.getString("refresh_token"), APP_SECRET).containsKey("access_token"));
    }

    @Test
    void aQueuedFailureAnswersTheNextRefreshWithoutUsingTheRefreshToken() throws Exception {
        JsonObject first = object(client.exchange(github, form("code", code()), "application/json"));
        github.failNextTokenExchange("incorrect_client_credentials");

        assertEquals("incorrect_client_credentials",
                refresh(first.getString("refresh_token"), APP_SECRET).getString("error"));
        assertTrue(refresh(first.getString("refresh_token"), APP_SECRET).containsKey("access_token"));
    }

    @Test
    void unknownRevokedAndExpiredRefreshTokensAreBad() throws Exception {
        assertEquals("bad_refresh_token", refresh("ghr_unknown", APP_SECRET).getString("error"));
        JsonObject revoked = object(client.exchange(github, form("code", code()), "application/json"));
        github.revokeAllTokens(alice);
        assertEquals("bad_refresh_token", refresh(revoked.getString("refresh_token"), APP_SECRET).getString("error"));

        JsonObject old = object(client.exchange(github, form("code", code()), "application/json"));
        github.advanceClock(Duration.ofSeconds(15_811_200));
        assertEquals("bad_refresh_token", refresh(old.getString("refresh_token"), APP_SECRET).getString("error"));
    }

    @Test
    void ofSimultaneousRefreshesWithOneRefreshTokenExactlyOneSucceeds() throws Exception {
        String refreshToken = object(client.exchange(github, form("code", code()), "application/json"))
                .getString("refresh_token");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<JsonObject>> refreshes = Collections.nCopies(10,
                    () -> refresh(refreshToken, APP_SECRET));
            List<Future<JsonObject>> answers = pool.invokeAll(refreshes);
            long refreshed = 0;
            for (Future<JsonObject> answer : answers) {
                refreshed += answer.get().containsKey("access_token") ? 1 : 0;
            }
            assertEquals(1, refreshed);
            assertEquals(1, github.liveTokens(alice).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTokenCheckShowsWhenTheUserTokenExpires() throws Exception {
        String token = object(client.exchange(github, form("code", code()), "application/json"))
                .getString("access_token");
        String basic = Base64.getEncoder().encodeToString((APP_ID + ":" + APP_SECRET).getBytes());

        HttpResponse<String> check = client.send("POST", github.apiUrl() + "/applications/" + APP_ID + "/token",
                "{\"access_token\":\"" + token + "\"}", "Authorization", "Basic " + basic,
                "Content-Type", "application/json", "User-Agent", "Latchkey-Test");

        assertEquals(200, check.statusCode(), check.body());
        assertTrue(object(check).getString("expires_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    }

    private String code() throws Exception {
        // A GitHub App ignores the scope parameter.
        return client.authorize(github, "client_id=" + APP_ID + "&redirect_uri=" + CALLBACK
                + "&scope=repo+read%3Aorg&state=s").get("code");
    }

    private JsonObject refresh(String refreshToken, String secret) throws Exception {
        return object(client.exchange(github, Map.of("client_id", APP_ID, "client_secret", secret,
                "grant_type", "refresh_token", "refresh_token", refreshToken), "application/json"));
    }

    private static Map<String, String> form(String name, String value) {
        return Map.of("client_id", APP_ID, "client_secret", APP_SECRET, name, value, "redirect_uri", CALLBACK);
    }
}
