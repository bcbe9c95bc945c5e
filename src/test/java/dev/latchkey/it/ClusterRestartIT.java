package dev.latchkey.it;

import static dev.latchkey.it.GitHubSignIns.location;
import static dev.latchkey.it.Operators.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.latchkey.testing.cluster.Cluster;
import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import dev.latchkey.testing.github.Organization;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every node down at once and started again: sessions, sign-ins half-way through GitHub and stored GitHub tokens
 * survive, since nothing a request needs is held only in a node's memory.
 */
@ExtendWith(TwoNodes.class)
class ClusterRestartIT {

    private final FakeGitHub github = LatchkeyDeployment.github();

    @BeforeEach
    void githubAnswers() {
        github.reset();
    }

    @Test
    void aSessionAStartedSignInAndAStoredGitHubTokenSurviveARestartOfEveryNode() throws Exception {
        // 1. Before: one person signed in through GitHub, a member of an organization; another approved on GitHub's
        //    consent page, and their browser has not yet come back with the code and state.
        GitHubUser signedInUser = github.createUser("restart-signed-in-" + System.nanoTime());
        Organization organization = github.joinOrganization(signedInUser, "restart-org-" + System.nanoTime());
        Browser signedIn = ClusterIT.browser();
        HttpResponse<String> done = GitHubSignIns.signIn(signedIn, github, signedInUser);
        assertSignedIn(done);
        String sessionToken = signedIn.cookie("access_token").orElseThrow();
        List<String> tokensBefore = List.copyOf(github.liveTokens(signedInUser));
        assertEquals(1, tokensBefore.size(), "one GitHub token issued at the sign-in: " + tokensBefore);

        GitHubUser halfWayUser = github.createUser("restart-half-way-" + System.nanoTime());
        Browser halfWay = ClusterIT.browser();
        String callback = GitHubSignIns.authorize(halfWay, github, halfWayUser, "/auth/github");
        String stateHash = sha256(query(callback, "state"));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM oauth_states WHERE state_hash = ?", stateHash));

        // 2. Both nodes killed at once (nothing flushed, no shutdown ran); while they are down the balancer has
        //    nobody to send requests to. Then both start again.
        Instant down = Instant.now();
        TwoNodes.cluster().restartAll(() -> {
            HttpResponse<String> nobody = new Browser(TwoNodes.address()).get("/auth/providers");
            // The balancer's own answer is a problem too (server/haproxy/latchkey.cfg's http-error lines).
            PasswordSignInIT.assertProblem(nobody, 503, "No Latchkey node is available; try again later.");
            assertEquals("5", nobody.headers().firstValue("Retry-After").orElse(""));
        });
        System.out.printf("Both nodes down and back behind the balancer in %d ms%n",
                Duration.between(down, Instant.now()).toMillis());

        // 3. The session cookie from before is accepted by each node, as it is: no new sign-in, no new cookie.
        Nodes nodes = new Nodes(TwoNodes.address());
        for (String node : Cluster.NODES) {
            HttpResponse<String> me = nodes.on(node, () -> signedIn.get("/auth/me"));
            assertEquals(200, me.statusCode(), node + ": " + me.body());
            assertEquals(signedInUser.id(), json(me).getJsonNumber("github_id").longValue());
            assertTrue(Browser.setCookieHeader(me, "access_token").isEmpty(), "the same session, not a new one");
        }
        assertEquals(sessionToken, signedIn.cookie("access_token").orElseThrow());

        // 4. The stored GitHub token from before: the organizations come from GitHub, asked with that token.
        int asked = github.requests("GET", "/api/v3/user/orgs").size();
        HttpResponse<String> organizations = signedIn.get("/auth/github/organizations");
        assertEquals(200, organizations.statusCode(), organizations.body());
        JsonArray list = Json.createReader(new StringReader(organizations.body())).readArray();
        assertEquals(organization.login(), list.getJsonObject(0).getString("login"));
        List<LoggedRequest> calls = github.requests("GET", "/api/v3/user/orgs");
        assertEquals(asked + 1, calls.size(), "GitHub was asked once");
        assertEquals("Bearer " + tokensBefore.get(0), calls.get(calls.size() - 1).getHeader("Authorization"),
                "with the token stored before the restart");

        // 5. The sign-in started before the restart completes after it: the state, its PKCE verifier and the
        //    browser binding were in the database, and the state is used up.
        HttpResponse<String> completed = halfWay.get(callback, "Accept", Browser.HTML);
        assertSignedIn(completed);
        HttpResponse<String> me = halfWay.get("/auth/me");
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(halfWayUser.id(), json(me).getJsonNumber("github_id").longValue());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM oauth_states WHERE state_hash = ?", stateHash));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", halfWayUser.id()));
    }

    private static void assertSignedIn(HttpResponse<String> callbackAnswer) {
        assertEquals(302, callbackAnswer.statusCode(), callbackAnswer.body());
        assertFalse(location(callbackAnswer).toString().contains("error="), location(callbackAnswer).toString());
    }

    private static String query(String path, String name) {
        for (String pair : URI.create(path).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No " + name + " in " + path);
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
