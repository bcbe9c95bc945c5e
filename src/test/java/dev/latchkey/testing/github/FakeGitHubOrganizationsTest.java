package dev.latchkey.testing.github;

import static dev.latchkey.testing.github.TestClient.array;
import static dev.latchkey.testing.github.TestClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /user/orgs}: the organizations a user belongs to, for tokens with read:org, repo or user. */
class FakeGitHubOrganizationsTest {

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
    void aTokenWithReadOrgListsTheUsersOrganizations() throws Exception {
        Organization acme = github.joinOrganization(alice, "acme");
        github.joinOrganization(alice, "globex");
        github.joinOrganization(github.createUser("bob"), "initech");

        HttpResponse<String> orgs = client.api(github, "/user/orgs", github.issueToken(alice, null, "read:org"));

        assertEquals(200, orgs.statusCode());
        JsonArray list = array(orgs);
        assertEquals(2, list.size());
        JsonObject first = list.getJsonObject(0);
        assertEquals("acme", first.getString("login"));
        assertEquals(acme.id(), first.getJsonNumber("id").longValue());
        assertEquals(acme.avatarUrl(), first.getString("avatar_url"));
        assertEquals("globex", list.getJsonObject(1).getString("login"));
    }

    @Test
    void oneOrganizationIsTheSameForEveryMember() {
        Organization forAlice = github.joinOrganization(alice, "acme");
        Organization forBob = github.joinOrganization(github.createUser("bob"), "acme");

        assertEquals(forAlice, forBob);
    }

    @Test
    void aTokenWithoutAnOrgRepoOrUserScopeIsForbidden() throws Exception {
        github.joinOrganization(alice, "acme");

        HttpResponse<String> orgs = client.api(github, "/user/orgs",
                github.issueToken(alice, null, "read:user", "user:email", "public_repo"));

        assertEquals(403, orgs.statusCode());
        assertTrue(object(orgs).getString("message").contains("read:org"));
        assertEquals("admin:org, read:org, repo, user, write:org",
                orgs.headers().firstValue("X-Accepted-OAuth-Scopes").orElseThrow());
        for (String scope : new String[] {"user", "repo", "read:org", "admin:org"}) {
            assertEquals(200, client.api(github, "/user/orgs", github.issueToken(alice, null, scope)).statusCode());
        }
    }

    @Test
    void githubAppUserTokensNeedNoScope() throws Exception {
        github.joinOrganization(alice, "acme");

        HttpResponse<String> orgs = client.api(github, "/user/orgs", github.issueTokenWithPrefix(alice, "ghu_"));

        assertEquals(200, orgs.statusCode());
        assertEquals(1, array(orgs).size());
    }

    @Test
    void organizationsArePaginated() throws Exception {
        for (int i = 1; i <= 3; i++) {
            github.joinOrganization(alice, "org" + i);
        }

        HttpResponse<String> page = client.api(github, "/user/orgs?per_page=2", github.issueToken(alice, null, "user"));

        assertEquals(2, array(page).size());
        assertTrue(page.headers().firstValue("Link").orElseThrow().contains("rel=\"next\""));
    }
}
