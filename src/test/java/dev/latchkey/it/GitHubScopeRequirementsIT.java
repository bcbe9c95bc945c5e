package dev.latchkey.it;

import static dev.latchkey.it.GitHubCallbackFailuresIT.assertProblem;
import static dev.latchkey.it.GitHubSignInIT.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import dev.latchkey.testing.github.Organization;
import dev.latchkey.testing.github.Outage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A route that needs a GitHub scope ({@code GET /auth/github/organizations} needs read:org) with OAuth App tokens:
 * 403 naming the scope while the stored token lacks it, 200 once signing in again has stored one that has it.
 */
@ExtendWith(ArquillianExtension.class)
class GitHubScopeRequirementsIT {

    private static final String LACKS_READ_ORG =
            "Your GitHub authorization lacks the read:org scope — reconnect GitHub to grant it";

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
        user = github.createUser("scoped-" + System.nanoTime());
    }

    @Test
    void aTokenWithReadOrgListsTheUsersOrganizations() {
        Organization acme = github.joinOrganization(user, "acme-" + System.nanoTime());
        Organization globex = github.joinOrganization(user, "globex-" + System.nanoTime());
        assertProblem(browser.get("/auth/github/organizations"), 401, "Not authenticated");

        GitHubSignIns.signIn(browser, github, user);
        HttpResponse<String> orgs = browser.get("/auth/github/organizations");

        assertEquals(200, orgs.statusCode(), orgs.body());
        JsonArray list = Json.createReader(new StringReader(orgs.body())).readArray();
        assertEquals(2, list.size());
        assertOrganization(acme, list.getJsonObject(0));
        assertOrganization(globex, list.getJsonObject(1));
    }

    @Test
    void aTokenWithoutReadOrgIsRefusedNamingTheScopeUntilSigningInAgainGrantsIt() throws Exception {
        github.joinOrganization(user, "initech-" + System.nanoTime());
        GitHubSignIns.signIn(browser, github, user);
        // 1. As stored by a sign-in from when Latchkey asked for fewer scopes.
        String narrow = github.issueToken(user, LatchkeyDeployment.CLIENT_ID, "repo", "read:user", "user:email");
        StoredGitHubTokenRow.plant(user.id(), narrow, "repo read:user user:email");
        int listings = github.requests("GET", "/api/v3/user/orgs").size();

        // 2. The route answers 403 naming the scope without asking GitHub; the scope report agrees.
        assertProblem(browser.get("/auth/github/organizations"), 403, LACKS_READ_ORG);
        assertEquals(listings, github.requests("GET", "/api/v3/user/orgs").size(), "GitHub was not asked");
        assertEquals("[\"read:org\"]", json(browser.get("/auth/github/scopes")).getJsonArray("missing").toString());

        // 3. Signing in again stores the new token and its scopes, and the route answers.
        GitHubSignIns.signIn(browser, github, user);
        StoredGitHubTokenRow row = StoredGitHubTokenRow.of(user.id()).orElseThrow();
        assertNotEquals(narrow, row.token());
        assertTrue(github.liveTokens(user).contains(row.token()));
        assertEquals(Set.of("repo", "read:user", "user:email", "read:org"), Set.of(row.scopes().split(" ")));
        assertEquals(200, browser.get("/auth/github/organizations").statusCode());
    }

    @Test
    void aBroaderScopeCounts() throws Exception {
        GitHubSignIns.signIn(browser, github, user);
        StoredGitHubTokenRow.plant(user.id(), github.issueToken(user, LatchkeyDeployment.CLIENT_ID, "admin:org"),
                "admin:org");

        HttpResponse<String> orgs = browser.get("/auth/github/organizations");

        assertEquals(200, orgs.statusCode(), orgs.body());
        assertEquals("[]", orgs.body().replace(" ", ""));
    }

    @Test
    void gitHubsOwnErrorsAreBadGatewaysAndOnlySilenceIsUnavailable() throws Exception {
        github.joinOrganization(user, "umbrella-" + System.nanoTime());
        GitHubSignIns.signIn(browser, github, user);
        Object stored = TestDatabase.value("SELECT t.access_token FROM github_tokens t JOIN users u "
                + "ON u.id = t.user_id WHERE u.github_id = ?", user.id());
        try {
            // 1. GitHub answers 500: its failure, reported as one (502); the authorization is not "expired".
            github.failUserEndpoint(500);
            assertProblem(browser.get("/auth/github/scopes"), 502, "Failed to fetch GitHub scopes");
            github.reset();
            github.failEndpoint("GET", "/api/v3/user/orgs", 500);
            assertProblem(browser.get("/auth/github/organizations"), 502, "Failed to fetch GitHub organizations");

            // 2. GitHub silent or hanging up: 503, try again later.
            for (Outage outage : new Outage[] {Outage.HANG, Outage.CONNECTION_RESET}) {
                github.setOutage(outage);
                for (String route : new String[] {"/auth/github/scopes", "/auth/github/organizations"}) {
                    assertProblem(browser.get(route), 503, "GitHub is not answering; try again later");
                }
            }
        } finally {
            github.reset();
        }

        // 3. The session and the stored token outlived it all.
        assertEquals(200, browser.get("/auth/github/organizations").statusCode());
        assertEquals(stored, TestDatabase.value("SELECT t.access_token FROM github_tokens t JOIN users u "
                + "ON u.id = t.user_id WHERE u.github_id = ?", user.id()));
    }

    private static void assertOrganization(Organization expected, JsonObject actual) {
        assertEquals(Set.of("login", "id", "avatar_url"), actual.keySet());
        assertEquals(expected.login(), actual.getString("login"));
        assertEquals(expected.id(), actual.getJsonNumber("id").longValue());
        assertEquals(expected.avatarUrl(), actual.getString("avatar_url"));
    }
}
