package dev.latchkey.testing.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook bodies GitHub sends when membership ends, with GitHub's field names, for tests to sign and POST. */
class FakeGitHubWebhookPayloadsTest {

    private static final String GITHUB_APP = "Iv23liGitHubApp00001";

    private FakeGitHub github;
    private GitHubUser alice;
    private GitHubUser owner;
    private Organization acme;
    private Team platform;

    @BeforeEach
    void start() {
        github = FakeGitHub.start();
        github.registerGitHubApp(GITHUB_APP, "github-app-secret");
        alice = github.createUser("alice");
        owner = github.createUser("owner");
        acme = github.organizations().create("acme");
        github.organizations().addMember(acme, owner, OrgRole.ADMIN);
        github.organizations().addMember(acme, alice, OrgRole.ADMIN);
        platform = github.teams().create(acme, "Platform");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void memberRemovedNamesTheMembershipTheOrganizationAndTheSender() {
        JsonObject json = parse(github.webhooks().memberRemoved(acme, alice, owner));

        assertEquals("member_removed", json.getString("action"));
        JsonObject membership = json.getJsonObject("membership");
        assertEquals("active", membership.getString("state"));
        assertEquals("admin", membership.getString("role"));
        assertEquals(alice.id(), membership.getJsonObject("user").getJsonNumber("id").longValue());
        assertEquals("alice", membership.getJsonObject("user").getString("login"));
        assertEquals(acme.id(), json.getJsonObject("organization").getJsonNumber("id").longValue());
        assertEquals("acme", json.getJsonObject("organization").getString("login"));
        assertEquals(owner.id(), json.getJsonObject("sender").getJsonNumber("id").longValue());
        assertFalse(json.containsKey("installation"), "an organization webhook");
    }

    @Test
    void teamMembershipRemovedHasScopeTeamTheMemberAndTheTeam() {
        JsonObject json = parse(github.webhooks().teamMembershipRemoved(platform, alice, owner));

        assertEquals("removed", json.getString("action"));
        assertEquals("team", json.getString("scope"));
        assertEquals(alice.id(), json.getJsonObject("member").getJsonNumber("id").longValue());
        JsonObject team = json.getJsonObject("team");
        assertEquals(platform.id(), team.getJsonNumber("id").longValue());
        assertEquals("platform", team.getString("slug"));
        assertEquals("Platform", team.getString("name"));
        assertEquals(acme.id(), json.getJsonObject("organization").getJsonNumber("id").longValue());
    }

    @Test
    void teamDeletedNamesTheTeamAsItWasAndTheRenamedOrganizationAsItIs() {
        github.teams().delete(platform);
        Organization renamed = github.organizations().rename(acme, "acme-corp");

        JsonObject json = parse(github.webhooks().teamDeleted(platform, owner));

        assertEquals("deleted", json.getString("action"));
        assertEquals(platform.id(), json.getJsonObject("team").getJsonNumber("id").longValue());
        assertEquals(renamed.login(), json.getJsonObject("organization").getString("login"));
    }

    @Test
    void aGitHubAppsDeliveriesCarryItsInstallation() {
        long installation = github.organizations().installGitHubApp(acme, GITHUB_APP);

        JsonObject json = parse(github.webhooks().toGitHubApp(GITHUB_APP).memberRemoved(acme, alice, owner));

        assertEquals(installation, json.getJsonObject("installation").getJsonNumber("id").longValue());
        assertEquals("023:IntegrationInstallation" + installation, new String(Base64.getDecoder()
                .decode(json.getJsonObject("installation").getString("node_id")), StandardCharsets.US_ASCII));
    }

    private static JsonObject parse(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
