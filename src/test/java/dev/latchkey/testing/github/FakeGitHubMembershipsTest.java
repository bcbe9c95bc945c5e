package dev.latchkey.testing.github;

import static dev.latchkey.testing.github.TestClient.array;
import static dev.latchkey.testing.github.TestClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Organization memberships as GitHub answers them: active, pending, private, public, renamed organizations. */
class FakeGitHubMembershipsTest {

    private final TestClient client = new TestClient();
    private FakeGitHub github;
    private GitHubOrganizations orgs;
    private GitHubUser alice;
    private Organization acme;

    @BeforeEach
    void start() {
        github = FakeGitHub.start();
        orgs = github.organizations();
        alice = github.createUser("alice");
        acme = orgs.create("acme");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void anActiveMembershipNamesStateRoleOrganizationAndUser() throws Exception {
        orgs.addMember(acme, alice, OrgRole.ADMIN);

        HttpResponse<String> answer = membership("acme", "read:org");

        assertEquals(200, answer.statusCode());
        JsonObject json = object(answer);
        assertEquals("active", json.getString("state"));
        assertEquals("admin", json.getString("role"));
        assertEquals(github.apiUrl() + "/orgs/acme/memberships/alice", json.getString("url"));
        assertEquals(github.apiUrl() + "/orgs/acme", json.getString("organization_url"));
        assertEquals(acme.id(), json.getJsonObject("organization").getJsonNumber("id").longValue());
        assertEquals("acme", json.getJsonObject("organization").getString("login"));
        assertEquals(alice.id(), json.getJsonObject("user").getJsonNumber("id").longValue());
        assertEquals("alice", json.getJsonObject("user").getString("login"));
    }

    @Test
    void aPendingInvitationShowsAsPendingAndIsNoMembershipElsewhere() throws Exception {
        orgs.invite(acme, alice, OrgRole.MEMBER);
        String token = github.issueToken(alice, null, "read:org");

        assertEquals("pending", object(client.api(github, "/user/memberships/orgs/acme", token)).getString("state"));
        assertEquals(0, array(client.api(github, "/user/orgs", token)).size());

        orgs.addMember(acme, alice, OrgRole.MEMBER);
        assertEquals("active", object(client.api(github, "/user/memberships/orgs/acme", token)).getString("state"));
        assertEquals(1, array(client.api(github, "/user/orgs", token)).size());
    }

    @Test
    void noMembershipAndNoOrganizationAreBoth404() throws Exception {
        orgs.addMember(acme, github.createUser("bob"), OrgRole.MEMBER);

        HttpResponse<String> notMember = membership("acme", "read:org");
        assertEquals(404, notMember.statusCode());
        assertEquals("Not Found", object(notMember).getString("message"));
        assertEquals(404, membership("no-such-org", "read:org").statusCode());

        orgs.addMember(acme, alice, OrgRole.MEMBER);
        orgs.removeMember(acme, alice);
        assertEquals(404, membership("acme", "read:org").statusCode());
    }

    @Test
    void loginsIgnoreCase() throws Exception {
        orgs.addMember(acme, alice, OrgRole.MEMBER);

        assertEquals(200, membership("ACME", "read:org").statusCode());
        assertEquals(200, client.api(github, "/orgs/AcMe", github.issueToken(alice, null)).statusCode());
        assertThrows(IllegalStateException.class, () -> orgs.create("Acme"));
    }

    @Test
    void aRenamedOrganizationKeepsItsIdAndItsMembersAndFreesTheOldLogin() throws Exception {
        orgs.addMember(acme, alice, OrgRole.MEMBER);

        Organization renamed = orgs.rename(acme, "acme-corp");

        assertEquals(acme.id(), renamed.id());
        assertEquals("acme-corp", renamed.login());
        assertEquals(404, membership("acme", "read:org").statusCode());
        JsonObject json = object(membership("acme-corp", "read:org"));
        assertEquals(acme.id(), json.getJsonObject("organization").getJsonNumber("id").longValue());
        assertEquals("acme-corp",
                array(client.api(github, "/user/orgs", github.issueToken(alice, null, "read:org")))
                        .getJsonObject(0).getString("login"));
        Organization newcomer = orgs.create("acme");
        assertNotEquals(acme.id(), newcomer.id());
        assertEquals(404, membership("acme", "read:org").statusCode());
    }

    @Test
    void readingMembershipsNeedsAnOrgRepoOrUserScope() throws Exception {
        orgs.addMember(acme, alice, OrgRole.MEMBER);

        HttpResponse<String> refused = membership("acme", "read:user", "user:email");
        assertEquals(403, refused.statusCode());
        assertEquals("You do not have access to this organization membership.", object(refused).getString("message"));
        assertEquals("admin:org, read:org, repo, user, write:org",
                refused.headers().firstValue("X-Accepted-OAuth-Scopes").orElseThrow());
        assertEquals("read:user, user:email", refused.headers().firstValue("X-OAuth-Scopes").orElseThrow());
        for (String scope : new String[] {"read:org", "write:org", "admin:org", "repo", "user"}) {
            assertEquals(200, membership("acme", scope).statusCode(), scope);
        }
        assertEquals(200, client.api(github, "/user/memberships/orgs/acme",
                github.issueTokenWithPrefix(alice, "ghu_")).statusCode());
        assertEquals(401, client.api(github, "/user/memberships/orgs/acme", "gho_unknown").statusCode());
    }

    @Test
    void privateMembershipsShowToTheMemberAndPublicOnesToEveryone() throws Exception {
        Organization globex = orgs.create("globex");
        orgs.addMember(acme, alice, OrgRole.MEMBER);
        orgs.addMember(globex, alice, OrgRole.MEMBER);
        orgs.publicize(globex, alice);
        String bobs = github.issueToken(github.createUser("bob"), null);

        assertEquals(2, array(client.api(github, "/user/orgs", github.issueToken(alice, null, "user"))).size());
        HttpResponse<String> profile = client.api(github, "/users/ALICE/orgs", bobs);
        assertEquals(200, profile.statusCode());
        assertEquals(1, array(profile).size());
        assertEquals("globex", array(profile).getJsonObject(0).getString("login"));
        assertEquals(404, client.api(github, "/users/nobody/orgs", bobs).statusCode());
    }

    @Test
    void anOrganizationsProfileIsPublic() throws Exception {
        HttpResponse<String> anonymous = client.get(github.apiUrl() + "/orgs/acme", "User-Agent", "Latchkey-Test");

        assertEquals(200, anonymous.statusCode());
        JsonObject json = object(anonymous);
        assertEquals(acme.id(), json.getJsonNumber("id").longValue());
        assertEquals("Organization", json.getString("type"));
        assertEquals("012:Organization" + acme.id(), new String(Base64.getDecoder().decode(json.getString("node_id")),
                StandardCharsets.US_ASCII));
        assertEquals(404, client.api(github, "/orgs/initech", github.issueToken(alice, null)).statusCode());
        assertEquals(401, client.api(github, "/orgs/acme", "ghp_revoked").statusCode());
        assertFalse(github.requests("GET", "/api/v3/orgs/acme").isEmpty());
    }

    @Test
    void joinOrganizationIsAShortcutThatKeepsARole() throws Exception {
        orgs.addMember(acme, alice, OrgRole.ADMIN);

        assertEquals(acme, github.joinOrganization(alice, "ACME"));
        assertEquals("admin", object(membership("acme", "read:org")).getString("role"));
        assertTrue(orgs.find("initech").isEmpty());
        assertEquals(github.joinOrganization(alice, "initech"), orgs.find("initech").orElseThrow());
    }

    private HttpResponse<String> membership(String login, String... scopes) throws Exception {
        return client.api(github, "/user/memberships/orgs/" + login, github.issueToken(alice, null, scopes));
    }
}
