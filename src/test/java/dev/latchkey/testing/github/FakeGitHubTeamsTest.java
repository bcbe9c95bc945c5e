package dev.latchkey.testing.github;

import static dev.latchkey.testing.github.TestClient.array;
import static dev.latchkey.testing.github.TestClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Teams and team memberships as GitHub answers them: slugs, roles, pending members, renames and deletions. */
class FakeGitHubTeamsTest {

    private final TestClient client = new TestClient();
    private FakeGitHub github;
    private GitHubOrganizations orgs;
    private GitHubTeams teams;
    private GitHubUser alice;
    private Organization acme;
    private Team platform;

    @BeforeEach
    void start() {
        github = FakeGitHub.start();
        orgs = github.organizations();
        teams = github.teams();
        alice = github.createUser("alice");
        acme = orgs.create("acme");
        platform = teams.create(acme, "Platform Team");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void aTeamHasASlugMadeFromItsName() throws Exception {
        orgs.addMember(acme, alice, OrgRole.MEMBER);

        HttpResponse<String> answer = client.api(github, "/orgs/ACME/teams/Platform-Team", readOrg(alice));

        assertEquals("platform-team", platform.slug());
        assertEquals(200, answer.statusCode());
        JsonObject json = object(answer);
        assertEquals(platform.id(), json.getJsonNumber("id").longValue());
        assertEquals("platform-team", json.getString("slug"));
        assertEquals("Platform Team", json.getString("name"));
        assertEquals(acme.id(), json.getJsonObject("organization").getJsonNumber("id").longValue());
        assertThrows(IllegalStateException.class, () -> teams.create(acme, "platform team"));
    }

    @Test
    void aTeamIsFoundByItsCurrentSlugIgnoringCase() {
        assertEquals(platform, teams.find(acme, "PLATFORM-team").orElseThrow());
        Team renamed = teams.rename(platform, "Core");

        assertTrue(teams.find(acme, "platform-team").isEmpty());
        assertEquals(renamed, teams.find(acme, "core").orElseThrow());
    }

    @Test
    void aUserCanBeGivenTheIdASettingNames() throws Exception {
        GitHubUser root = github.createUser("root", 1_234_567_890L);

        JsonObject json = object(client.api(github, "/user", github.issueToken(root, null, "read:user")));

        assertEquals(1_234_567_890L, json.getJsonNumber("id").longValue());
        assertEquals("root", json.getString("login"));
        assertThrows(IllegalStateException.class, () -> github.createUser("other", 1_234_567_890L));
    }

    @Test
    void aMemberOfTheTeamHasAnActiveMembershipWithItsRole() throws Exception {
        orgs.addMember(acme, alice, OrgRole.MEMBER);
        teams.add(platform, alice, TeamRole.MAINTAINER);

        HttpResponse<String> answer = teamMembership("alice", readOrg(alice));

        assertEquals(200, answer.statusCode());
        JsonObject json = object(answer);
        assertEquals("active", json.getString("state"));
        assertEquals("maintainer", json.getString("role"));
        assertEquals(github.apiUrl() + "/teams/" + platform.id() + "/memberships/alice", json.getString("url"));
    }

    @Test
    void organizationOwnersAreMaintainersOfTheirTeams() throws Exception {
        orgs.addMember(acme, alice, OrgRole.ADMIN);
        teams.add(platform, alice, TeamRole.MEMBER);

        assertEquals("maintainer", object(teamMembership("alice", readOrg(alice))).getString("role"));
    }

    @Test
    void anInviteesTeamMembershipIsPendingUntilTheInvitationIsAccepted() throws Exception {
        orgs.invite(acme, alice, OrgRole.MEMBER);
        teams.add(platform, alice, TeamRole.MEMBER);
        String token = readOrg(alice);

        assertEquals("pending", object(teamMembership("alice", token)).getString("state"));
        assertEquals(0, array(client.api(github, "/user/teams", token)).size());

        orgs.addMember(acme, alice, OrgRole.MEMBER);
        assertEquals("active", object(teamMembership("alice", token)).getString("state"));
        assertEquals(1, array(client.api(github, "/user/teams", token)).size());
    }

    @Test
    void nonMembersUnknownTeamsAndOutsidersAllGet404() throws Exception {
        GitHubUser bob = github.createUser("bob");
        orgs.addMember(acme, alice, OrgRole.MEMBER);

        assertEquals(404, teamMembership("alice", readOrg(alice)).statusCode(), "not in the team");
        assertEquals(404, client.api(github, "/orgs/acme/teams/nope/memberships/alice", readOrg(alice)).statusCode());
        assertEquals(404, teamMembership("nobody", readOrg(alice)).statusCode());
        teams.add(platform, alice, TeamRole.MEMBER);
        assertEquals(404, teamMembership("alice", readOrg(bob)).statusCode(), "bob cannot see acme's teams");
        assertEquals(404, client.api(github, "/orgs/acme/teams/platform-team", readOrg(bob)).statusCode());
        orgs.addMember(acme, bob, OrgRole.MEMBER);
        assertEquals(200, teamMembership("alice", readOrg(bob)).statusCode(), "bob now sees the team");
    }

    @Test
    void teamMembershipsNeedReadOrgOrRepoAndTeamListsAlsoTakeUser() throws Exception {
        orgs.addMember(acme, alice, OrgRole.MEMBER);
        teams.add(platform, alice, TeamRole.MEMBER);

        assertEquals(404, teamMembership("alice", github.issueToken(alice, null, "user")).statusCode());
        assertEquals(200, teamMembership("alice", github.issueToken(alice, null, "repo")).statusCode());
        assertEquals(200, teamMembership("alice", github.issueToken(alice, null, "admin:org")).statusCode());
        assertEquals(200, teamMembership("alice", github.issueTokenWithPrefix(alice, "ghu_")).statusCode());
        HttpResponse<String> noScope = client.api(github, "/user/teams", github.issueToken(alice, null, "read:user"));
        assertEquals(404, noScope.statusCode());
        assertEquals("admin:org, read:org, repo, user, write:org",
                noScope.headers().firstValue("X-Accepted-OAuth-Scopes").orElseThrow());
        assertEquals(1, array(client.api(github, "/user/teams", github.issueToken(alice, null, "user"))).size());
    }

    @Test
    void userTeamsArePaginatedAcrossOrganizations() throws Exception {
        Organization globex = orgs.create("globex");
        orgs.addMember(acme, alice, OrgRole.MEMBER);
        orgs.addMember(globex, alice, OrgRole.MEMBER);
        teams.add(platform, alice, TeamRole.MEMBER);
        teams.add(teams.create(acme, "SRE"), alice, TeamRole.MEMBER);
        teams.add(teams.create(globex, "Admins"), alice, TeamRole.MEMBER);

        HttpResponse<String> first = client.api(github, "/user/teams?per_page=2", readOrg(alice));

        JsonArray page = array(first);
        assertEquals(2, page.size());
        assertEquals("platform-team", page.getJsonObject(0).getString("slug"));
        assertEquals("acme", page.getJsonObject(0).getJsonObject("organization").getString("login"));
        assertTrue(first.headers().firstValue("Link").orElseThrow()
                .contains("<" + github.apiUrl() + "/user/teams?per_page=2&page=2>; rel=\"next\""));
        JsonArray second = array(client.api(github, "/user/teams?per_page=2&page=2", readOrg(alice)));
        assertEquals("globex", second.getJsonObject(0).getJsonObject("organization").getString("login"));
    }

    @Test
    void aRenamedTeamKeepsItsIdAndMembersUnderItsNewSlug() throws Exception {
        orgs.addMember(acme, alice, OrgRole.MEMBER);
        teams.add(platform, alice, TeamRole.MEMBER);

        Team renamed = teams.rename(platform, "Infrastructure");

        assertEquals(platform.id(), renamed.id());
        assertEquals("infrastructure", renamed.slug());
        assertEquals(404, teamMembership("alice", readOrg(alice)).statusCode());
        assertEquals(200, client.api(github, "/orgs/acme/teams/infrastructure/memberships/alice", readOrg(alice))
                .statusCode());
    }

    @Test
    void deletingATeamOrLeavingTheOrganizationEndsTeamMemberships() throws Exception {
        Team sre = teams.create(acme, "SRE");
        orgs.addMember(acme, alice, OrgRole.MEMBER);
        teams.add(platform, alice, TeamRole.MEMBER);
        teams.add(sre, alice, TeamRole.MEMBER);

        teams.delete(platform);
        assertEquals(404, client.api(github, "/orgs/acme/teams/platform-team", readOrg(alice)).statusCode());
        assertEquals(1, array(client.api(github, "/user/teams", readOrg(alice))).size());

        orgs.removeMember(acme, alice);
        orgs.addMember(acme, alice, OrgRole.MEMBER);
        assertEquals(0, array(client.api(github, "/user/teams", readOrg(alice))).size());
        assertThrows(IllegalStateException.class, () -> teams.add(sre, github.createUser("bob"), TeamRole.MEMBER));
    }

    private HttpResponse<String> teamMembership(String username, String token) throws Exception {
        return client.api(github, "/orgs/acme/teams/platform-team/memberships/" + username, token);
    }

    private String readOrg(GitHubUser user) {
        return github.issueToken(user, null, "read:org");
    }
}
