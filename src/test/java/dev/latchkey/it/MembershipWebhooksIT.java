package dev.latchkey.it;

import static dev.latchkey.it.GitHubCallbackFailuresIT.assertProblem;
import static dev.latchkey.it.GitHubSignInIT.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import dev.latchkey.testing.github.Organization;
import dev.latchkey.testing.github.Team;
import dev.latchkey.testing.github.TeamRole;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GitHub's membership webhooks end access at once: removed from the allowed organization, from the allowed team, or
 * the team deleted, a user's sessions end before any re-check could notice (the stub still lists the membership),
 * each delivery once; removals that leave the user admitted, or concern nothing allowed, end nothing.
 */
@ExtendWith(ArquillianExtension.class)
class MembershipWebhooksIT {

    private static final String NO_LONGER = "No longer a member of an allowed organization";
    private static final String PATH = "/webhooks/github";
    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return GatedDeployment.deployment();
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();
    private URI base;
    private GitHubUser owner;

    @BeforeEach
    void setUp() throws Exception {
        github.reset();
        base = url.toURI();
        owner = user("owner");
    }

    @AfterEach
    void gitHubAnswers() {
        github.reset();
    }

    @Test
    void aMemberRemovedFromTheOrganizationLosesEverySessionAtOnceAndOnlyOnce() throws Exception {
        GitHubUser member = user("removed");
        Organization acme = github.joinOrganization(member, GatedDeployment.ACME);
        Browser laptop = Operators.signedIn(base, github, member);
        String phone = patSignIn(member);
        long userId = GatedDeployment.userId(member);
        assertEquals(200, laptop.get("/auth/me").statusCode());

        // (1) GitHub reports the removal (the stub still lists the member: only the webhook can end access).
        String delivery = UUID.randomUUID().toString();
        String removal = github.webhooks().memberRemoved(acme, member, owner);
        assertStatus("processed", deliver("organization", delivery, removal));

        // (2) The very next request of each session is refused, with the reason.
        assertProblem(laptop.get("/auth/me"), 401, NO_LONGER);
        assertProblem(bearer(phone), 401, NO_LONGER);
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL",
                userId));
        String audit = Operators.auditDetail("membership_ended", userId);
        assertTrue(audit.contains("\"via\":\"webhook\"") && audit.contains("\"sessions_ended\":2")
                && audit.contains("\"result\":\"not_a_member\""), audit);

        // (3) Signed in again (GitHub still says member), a redelivery of the same delivery changes nothing.
        Browser again = Operators.signedIn(base, github, member);
        assertStatus("duplicate", deliver("organization", delivery, removal));
        assertEquals(200, again.get("/auth/me").statusCode(), "the new session lives");
        assertEquals(1, Operators.auditRows("membership_ended", userId));
    }

    @Test
    void aMemberOfTwoAllowedOrganizationsRemovedFromOneKeepsAccess() throws Exception {
        GitHubUser member = user("two-orgs");
        github.joinOrganization(member, GatedDeployment.ACME);
        Organization beta = github.joinOrganization(member, GatedDeployment.BETA);
        Browser browser = Operators.signedIn(base, github, member);
        long userId = GatedDeployment.userId(member);
        assertEquals(GatedDeployment.ACME + " " + GatedDeployment.BETA, found(userId));

        github.organizations().removeMember(beta, member);
        assertStatus("processed", deliver("organization", UUID.randomUUID().toString(),
                github.webhooks().memberRemoved(beta, member, owner)));

        assertEquals(200, browser.get("/auth/me").statusCode());
        assertEquals(GatedDeployment.ACME, found(userId));
        assertEquals(0, Operators.auditRows("membership_ended", userId));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked_at IS NOT NULL",
                userId));
    }

    @Test
    void aMemberRemovedFromTheAllowedTeamLosesAccess() throws Exception {
        GitHubUser member = user("team-removed");
        Team core = teamMember(member, GatedDeployment.TEAMS, "core");
        Browser browser = Operators.signedIn(base, github, member);
        String token = patSignIn(member);
        long userId = GatedDeployment.userId(member);

        // (1) Removed from another team of the organization: nothing allowed, nothing ended.
        Team other = github.teams().create(github.organizations().find(GatedDeployment.TEAMS).orElseThrow(),
                "other-" + GatedDeployment.RUN + System.nanoTime());
        github.teams().add(other, member, TeamRole.MEMBER);
        assertStatus("ignored", deliver("membership", UUID.randomUUID().toString(),
                github.webhooks().teamMembershipRemoved(other, member, owner)));
        assertEquals(200, browser.get("/auth/me").statusCode());

        // (2) Removed from the allowed team (the stub still lists them): every session ends.
        assertStatus("processed", deliver("membership", UUID.randomUUID().toString(),
                github.webhooks().teamMembershipRemoved(core, member, owner)));
        assertProblem(browser.get("/auth/me"), 401, NO_LONGER);
        assertProblem(bearer(token), 401, NO_LONGER);
        assertTrue(Operators.auditDetail("membership_ended", userId).contains("\"sessions_ended\":2"));
    }

    @Test
    void theAllowedTeamDeletedEndsAccessForThoseItAloneAdmitted() throws Exception {
        GitHubUser onlyTeam = user("team-only");
        GitHubUser alsoAcme = user("team-and-acme");
        teamMember(onlyTeam, GatedDeployment.TEAMS, "core");
        Team core = teamMember(alsoAcme, GatedDeployment.TEAMS, "core");
        github.joinOrganization(alsoAcme, GatedDeployment.ACME);
        Browser lost = Operators.signedIn(base, github, onlyTeam);
        Browser kept = Operators.signedIn(base, github, alsoAcme);
        long keptId = GatedDeployment.userId(alsoAcme);

        // The stub keeps the team: the other gated classes sign its members in.
        assertStatus("processed", deliver("team", UUID.randomUUID().toString(),
                github.webhooks().teamDeleted(core, owner)));

        assertProblem(lost.get("/auth/me"), 401, NO_LONGER);
        assertEquals(1, Operators.auditRows("membership_ended", GatedDeployment.userId(onlyTeam)));
        assertEquals(200, kept.get("/auth/me").statusCode());
        assertEquals(0, Operators.auditRows("membership_ended", keptId));
    }

    @Test
    void leavingTheAdminTeamEndsTheAdminRoleAndNotTheSession() throws Exception {
        GitHubUser admin = user("team-admin");
        github.joinOrganization(admin, GatedDeployment.ACME);
        Team admins = teamMember(admin, GatedDeployment.ADMINS, "admins");
        Browser browser = Operators.signedIn(base, github, admin);
        long userId = GatedDeployment.userId(admin);
        // Read from the row: a request now would start a re-check that could still see the team after the removal.
        assertEquals("admin", TestDatabase.value("SELECT role FROM users WHERE id = ?", userId));

        github.teams().remove(admins, admin);
        assertStatus("processed", deliver("membership", UUID.randomUUID().toString(),
                github.webhooks().teamMembershipRemoved(admins, admin, owner)));

        assertEquals("user", Operators.me(browser).getString("role"));
        String audit = Operators.auditDetail("role_changed", userId);
        assertTrue(audit.contains("\"to\":\"user\"") && audit.contains("\"via\":\"webhook\""), audit);
        assertEquals(0, Operators.auditRows("membership_ended", userId));
    }

    @Test
    void deliveriesAboutNothingAllowedOrNobodyKnownAreIgnored() throws Exception {
        GitHubUser member = user("bystander");
        Organization acme = github.joinOrganization(member, GatedDeployment.ACME);
        Organization elsewhere = github.joinOrganization(member, "hooks-elsewhere-" + GatedDeployment.RUN);
        Browser browser = Operators.signedIn(base, github, member);
        GitHubUser stranger = user("stranger");
        github.joinOrganization(stranger, GatedDeployment.ACME);
        Team elsewhereTeam = github.teams().create(elsewhere, "core");

        // (1) An organization not in the allow-list, a Latchkey stranger, a team not allowed.
        assertStatus("ignored", deliver("organization", UUID.randomUUID().toString(),
                github.webhooks().memberRemoved(elsewhere, member, owner)));
        assertStatus("ignored", deliver("organization", UUID.randomUUID().toString(),
                github.webhooks().memberRemoved(acme, stranger, owner)));
        assertStatus("ignored", deliver("team", UUID.randomUUID().toString(),
                github.webhooks().teamDeleted(elsewhereTeam, owner)));
        // (2) Other actions of the same events.
        String removal = github.webhooks().memberRemoved(acme, member, owner);
        assertStatus("ignored", deliver("organization", UUID.randomUUID().toString(),
                removal.replace("\"member_removed\"", "\"member_added\"")));

        assertEquals(200, browser.get("/auth/me").statusCode());
        assertEquals(0, Operators.auditRows("membership_ended", GatedDeployment.userId(member)));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", stranger.id()));
    }

    /** The user, an active member of the configured team (and so of its organization). */
    private Team teamMember(GitHubUser user, String organization, String slug) {
        Team team = GatedDeployment.team(github, organization, slug);
        github.joinOrganization(user, organization);
        github.teams().add(team, user, TeamRole.MEMBER);
        return team;
    }

    /** Signs in with a personal access token; returns the session's bearer token. */
    private String patSignIn(GitHubUser user) {
        String pat = github.issueTokenWithPrefix(user, "ghp_", "read:org", "user:email");
        HttpResponse<String> signedIn = new Browser(base).post("/auth/pat-signin", "{\"token\":\"" + pat + "\"}");
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        return json(signedIn).getString("access_token");
    }

    private HttpResponse<String> bearer(String token) {
        return new Browser(base).get("/auth/me", "Authorization", "Bearer " + token);
    }

    /** A delivery as GitHub posts it: HTTP/1.1, signed with the shared secret, no cookie. */
    private HttpResponse<String> deliver(String event, String delivery, String body) throws Exception {
        return HTTP_1_1.send(HttpRequest.newBuilder(base.resolve(PATH)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", WebhooksIT.sign(LatchkeyDeployment.WEBHOOK_SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertStatus(String status, HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(status, json(answer).getString("status"), answer.body());
    }

    /** The allowed entries the user's membership row lists. */
    private static String found(long userId) throws Exception {
        return (String) TestDatabase.value("SELECT found FROM membership_checks WHERE user_id = ?", userId);
    }

    private GitHubUser user(String role) {
        return github.createUser("hooks-" + role + "-" + Long.toString(System.nanoTime(), 36));
    }
}
