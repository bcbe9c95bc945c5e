package dev.latchkey.testing.github;

import static dev.latchkey.testing.github.TestClient.CLIENT_ID;
import static dev.latchkey.testing.github.TestClient.CLIENT_SECRET;
import static dev.latchkey.testing.github.TestClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app-authenticated token endpoints Latchkey uses on sign-out and PAT sign-in: delete a grant, delete or check a
 * token.
 */
class FakeGitHubApplicationsTest {

    private final TestClient client = new TestClient();
    private FakeGitHub github;
    private GitHubUser alice;

    @BeforeEach
    void start() {
        github = FakeGitHub.start();
        github.registerApp(CLIENT_ID, CLIENT_SECRET);
        github.registerApp("Iv1.other", "other-secret");
        alice = github.createUser("alice");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void deletingTheGrantRevokesEveryTokenOfThatAppOnce() throws Exception {
        String token = github.issueToken(alice, CLIENT_ID, "read:user");
        String sibling = github.issueToken(alice, CLIENT_ID, "read:user");
        String otherApp = github.issueToken(alice, "Iv1.other", "read:user");

        HttpResponse<String> revoke = call("DELETE", "grant", CLIENT_SECRET, "{\"access_token\":\"" + token + "\"}");

        assertEquals(204, revoke.statusCode());
        assertEquals(Set.of(otherApp), github.liveTokens(alice));
        HttpResponse<String> user = client.api(github, "/user", sibling);
        assertEquals(401, user.statusCode());
        assertEquals("Bad credentials", object(user).getString("message"));
        assertEquals(1, github.requests("DELETE", "/api/v3/applications/" + CLIENT_ID + "/grant").size());
    }

    @Test
    void deletingATokenRevokesJustThatOne() throws Exception {
        String token = github.issueToken(alice, CLIENT_ID, "read:user");
        String sibling = github.issueToken(alice, CLIENT_ID, "read:user");

        assertEquals(204, call("DELETE", "token", CLIENT_SECRET, "{\"access_token\":\"" + token + "\"}").statusCode());
        assertEquals(Set.of(sibling), github.liveTokens(alice));
        assertEquals(404, call("DELETE", "token", CLIENT_SECRET, "{\"access_token\":\"" + token + "\"}").statusCode());
    }

    @Test
    void checkingATokenNamesItsUserAndScopes() throws Exception {
        String token = github.issueToken(alice, CLIENT_ID, "read:user", "user:email");

        HttpResponse<String> check = call("POST", "token", CLIENT_SECRET, "{\"access_token\":\"" + token + "\"}");

        assertEquals(200, check.statusCode());
        assertEquals(token, object(check).getString("token"));
        assertEquals(alice.id(), object(check).getJsonObject("user").getJsonNumber("id").longValue());
        assertEquals("[\"read:user\",\"user:email\"]", object(check).getJsonArray("scopes").toString());
        String foreign = github.issueToken(alice, "Iv1.other");
        assertEquals(404, call("POST", "token", CLIENT_SECRET, "{\"access_token\":\"" + foreign + "\"}").statusCode());
    }

    @Test
    void checkingAnswers404ForPersonalTokensAnotherAppsTokensAndDeadOnes() throws Exception {
        github.registerGitHubApp("Iv23.otherGitHubApp", "other-app-secret");
        String otherOAuthApp = github.issueToken(alice, "Iv1.other", "repo");
        String otherGitHubApp = github.issueToken(alice, "Iv23.otherGitHubApp");
        String revoked = github.issueToken(alice, CLIENT_ID, "read:user");
        assertEquals(204, call("DELETE", "token", CLIENT_SECRET, "{\"access_token\":\"" + revoked + "\"}")
                .statusCode());

        for (String token : List.of(github.issueToken(alice, null, "repo"),
                github.issueTokenWithPrefix(alice, "github_pat_"), otherOAuthApp, otherGitHubApp, revoked)) {
            HttpResponse<String> check = call("POST", "token", CLIENT_SECRET, "{\"access_token\":\"" + token + "\"}");
            assertEquals(404, check.statusCode(), token.substring(0, 4));
            assertEquals("Not Found", object(check).getString("message"));
        }
        assertTrue(otherOAuthApp.startsWith("gho_"), otherOAuthApp);
        assertTrue(otherGitHubApp.startsWith("ghu_"), otherGitHubApp);
    }

    @Test
    void aGitHubAppChecksItsOwnExpiringUserToken() throws Exception {
        github.registerGitHubApp("Iv23.gitHubApp", "github-app-secret");
        String token = github.issueToken(alice, "Iv23.gitHubApp");

        HttpResponse<String> check = client.send("POST", github.apiUrl() + "/applications/Iv23.gitHubApp/token",
                "{\"access_token\":\"" + token + "\"}", "Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("Iv23.gitHubApp:github-app-secret".getBytes(StandardCharsets.UTF_8)),
                "Content-Type", "application/json", "User-Agent", "Latchkey-Test");

        assertEquals(200, check.statusCode(), check.body());
        assertEquals("Iv23.gitHubApp", object(check).getJsonObject("app").getString("client_id"));
        assertEquals(alice.id(), object(check).getJsonObject("user").getJsonNumber("id").longValue());
        assertTrue(object(check).containsKey("expires_at") && !object(check).isNull("expires_at"), check.body());
        assertEquals(1, github.liveRefreshTokens(alice).size(), "issued with its refresh token");
    }

    @Test
    void aWrongSecretHasBadCredentialsAndAMissingTokenFailsValidation() throws Exception {
        String token = github.issueToken(alice, CLIENT_ID, "read:user");

        HttpResponse<String> wrong = call("DELETE", "grant", "wrong", "{\"access_token\":\"" + token + "\"}");
        HttpResponse<String> missing = call("DELETE", "grant", CLIENT_SECRET, "{}");

        assertEquals(401, wrong.statusCode());
        assertEquals("Bad credentials", object(wrong).getString("message"));
        assertEquals(422, missing.statusCode());
        assertEquals("Validation Failed", object(missing).getString("message"));
        assertTrue(github.liveTokens(alice).contains(token));
    }

    private HttpResponse<String> call(String method, String kind, String secret, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return client.send(method, github.apiUrl() + "/applications/" + CLIENT_ID + "/" + kind, body,
                "Authorization", "Basic " + basic, "Content-Type", "application/json",
                "Accept", "application/vnd.github+json", "User-Agent", "Latchkey-Test");
    }
}
