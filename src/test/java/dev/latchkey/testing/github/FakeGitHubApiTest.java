package dev.latchkey.testing.github;

import static dev.latchkey.testing.github.TestClient.array;
import static dev.latchkey.testing.github.TestClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's REST API under /api/v3 as Latchkey's GitHub client sees it: /user and /user/emails. */
class FakeGitHubApiTest {

    private final TestClient client = new TestClient();
    private FakeGitHub github;
    private GitHubUser alice;

    @BeforeEach
    void start() {
        github = FakeGitHub.start();
        alice = github.createUser("alice");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void userCarriesTheProfileAndGitHubsHeaders() throws Exception {
        HttpResponse<String> user = client.api(github, "/user", github.issueToken(alice, null, "repo", "read:user"));

        assertEquals(200, user.statusCode());
        assertEquals("application/json; charset=utf-8", user.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("repo, read:user", user.headers().firstValue("X-OAuth-Scopes").orElseThrow());
        assertEquals("", user.headers().firstValue("X-Accepted-OAuth-Scopes").orElseThrow());
        assertEquals("5000", user.headers().firstValue("x-ratelimit-limit").orElseThrow());
        assertEquals("4999", user.headers().firstValue("x-ratelimit-remaining").orElseThrow());
        assertEquals("core", user.headers().firstValue("x-ratelimit-resource").orElseThrow());
        JsonObject json = object(user);
        assertEquals(alice.id(), json.getJsonNumber("id").longValue());
        assertTrue(String.valueOf(alice.id()).matches("\\d{8,9}"));
        assertEquals("Alice", json.getString("name"));
        assertEquals("alice@example.com", json.getString("email"));
        assertEquals("User", json.getString("type"));
        assertEquals(alice.avatarUrl(), json.getString("avatar_url"));
    }

    @Test
    void aLoginIsHeldByOneAccountAtATimeAndFreedByARename() throws Exception {
        assertThrows(IllegalStateException.class, () -> github.createUser("ALICE"), "logins ignore letter case");

        GitHubUser renamed = alice.withLogin("alice-old");
        github.update(renamed);
        GitHubUser newcomer = github.createUser("alice");

        assertNotEquals(alice.id(), newcomer.id());
        assertEquals("alice-old", object(client.api(github, "/user", github.issueToken(renamed, null, "read:user")))
                .getString("login"));
        assertEquals("alice", object(client.api(github, "/user", github.issueToken(newcomer, null, "read:user")))
                .getString("login"));
        assertThrows(IllegalStateException.class, () -> github.update(renamed.withLogin("Alice")));
    }

    @Test
    void aPrivateEmailIsNullOnUserButListedOnEmails() throws Exception {
        String token = github.issueToken(alice.withPrivateEmail(), null, "read:user", "user:email");

        assertTrue(object(client.api(github, "/user", token)).isNull("email"));
        JsonObject primary = array(client.api(github, "/user/emails", token)).getJsonObject(0);
        assertEquals("alice@example.com", primary.getString("email"));
        assertTrue(primary.getBoolean("primary"));
        assertTrue(primary.getBoolean("verified"));
        assertEquals("private", primary.getString("visibility"));
    }

    @Test
    void emailsNeedTheUserEmailScope() throws Exception {
        HttpResponse<String> emails = client.api(github, "/user/emails", github.issueToken(alice, null, "read:user"));

        assertEquals(404, emails.statusCode());
        assertEquals("Not Found", object(emails).getString("message"));
        assertEquals(200, client.api(github, "/user/emails", github.issueToken(alice, null, "user")).statusCode());
    }

    @Test
    void emailsArePaginatedWithALinkHeader() throws Exception {
        GitHubUser many = alice.withEmails(List.of(Email.secondary("a1@example.com"),
                Email.secondary("a2@example.com"), Email.primary("alice@example.com")));
        String token = github.issueToken(many, null, "user:email");

        HttpResponse<String> first = client.api(github, "/user/emails?per_page=2", token);
        HttpResponse<String> last = client.api(github, "/user/emails?per_page=2&page=2", token);

        assertEquals(2, array(first).size());
        String api = github.apiUrl() + "/user/emails?per_page=2&page=";
        assertEquals("<" + api + "2>; rel=\"next\", <" + api + "2>; rel=\"last\"",
                first.headers().firstValue("Link").orElseThrow());
        assertEquals("alice@example.com", array(last).getJsonObject(0).getString("email"));
        assertEquals("<" + api + "1>; rel=\"prev\", <" + api + "1>; rel=\"first\"",
                last.headers().firstValue("Link").orElseThrow());
        assertFalse(client.api(github, "/user/emails", token).headers().firstValue("Link").isPresent());
    }

    @Test
    void anUnknownOrRevokedTokenHasBadCredentials() throws Exception {
        String token = github.issueToken(alice, null, "read:user");
        github.revokeAllTokens(alice);

        for (String candidate : List.of(token, "gho_unknown")) {
            HttpResponse<String> user = client.api(github, "/user", candidate);
            assertEquals(401, user.statusCode());
            assertEquals("Bad credentials", object(user).getString("message"));
            assertEquals("401", object(user).getString("status"));
        }
        assertTrue(github.liveTokens(alice).isEmpty());
    }

    @Test
    void aFailingUserEndpointAnswersGitHubsJsonUntilReset() throws Exception {
        String token = github.issueToken(alice, null, "read:user");
        github.failUserEndpoint(503);

        HttpResponse<String> failing = client.api(github, "/user", token);

        assertEquals(503, failing.statusCode());
        assertEquals("Service Unavailable", object(failing).getString("message"));
        github.reset();
        assertEquals(200, client.api(github, "/user", token).statusCode());
    }

    @Test
    void aRequestWithoutUserAgentIsForbidden() throws Exception {
        URI api = URI.create(github.apiUrl());
        try (Socket socket = new Socket(api.getHost(), api.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v3/user HTTP/1.1\r\nHost: " + api.getAuthority() + "\r\nAuthorization: Bearer "
                    + github.issueToken(alice, null) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(response.startsWith("HTTP/1.1 403"), response);
            assertTrue(response.contains("Please make sure your request has a User-Agent header"), response);
        }
    }
}
