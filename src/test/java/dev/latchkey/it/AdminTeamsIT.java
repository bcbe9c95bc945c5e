package dev.latchkey.it;

import static dev.latchkey.it.GitHubSignInIT.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import dev.latchkey.testing.github.Outage;
import dev.latchkey.testing.github.Team;
import dev.latchkey.testing.github.TeamRole;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Members of an admin team ({@code GITHUB_ADMIN_TEAMS}) are admins while GitHub lists them in it, a configured admin
 * stays one whatever the team says, and users and admins see what the last membership check found ({@code orgs} of
 * {@code /auth/me}, {@code membership} of the admin user views).
 */
@ExtendWith(ArquillianExtension.class)
class AdminTeamsIT {

    private static final String ADMIN_TEAM = GatedDeployment.ADMINS + "/admins";
    private static final Duration PATIENCE = GatedDeployment.PATIENCE;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return GatedDeployment.deployment();
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();

    @BeforeEach
    @AfterEach
    void gitHubAnswers() {
        github.reset();
    }

    @Test
    void aMemberOfTheAdminTeamIsAdminWhileTheTeamListsThem() throws Exception {
        GitHubUser member = user("lead");
        github.joinOrganization(member, GatedDeployment.ACME);
        Team admins = adminTeam();
        github.joinOrganization(member, GatedDeployment.ADMINS);
        github.teams().add(admins, member, TeamRole.MEMBER);

        // (1) Signing in finds the team: the user is an admin, audited as the team's doing.
        Browser browser = GatedDeployment.signedInWithToken(url, member);
        JsonObject me = json(browser.get("/auth/me"));
        assertEquals("admin", me.getString("role"));
        assertEquals(List.of(GatedDeployment.ACME, ADMIN_TEAM), strings(me, "orgs"));
        long userId = me.getJsonNumber("id").longValue();
        assertEquals(1, roleChanges(userId, "admin"));
        assertEquals(200, browser.get("/admin/users?size=1").statusCode(), "admin routes open to them");

        // (2) Demoted by hand, the next check makes them admin again: the team decides while it lists them.
        Browser root = root();
        assertEquals(200, root.post("/admin/users/" + userId + "/role", "{\"role\":\"user\"}").statusCode());
        assertEquals("admin", await(browser, me2 -> "admin".equals(me2.getString("role"))).getString("role"));
        assertEquals(2, roleChanges(userId, "admin"));

        // (3) Removed from the team on GitHub: the next check makes them a user again; ACME still lets them in.
        github.teams().remove(admins, member);
        JsonObject demoted = await(browser, me2 -> "user".equals(me2.getString("role")));
        assertEquals(List.of(GatedDeployment.ACME), strings(demoted, "orgs"));
        assertEquals(1, roleChanges(userId, "user"));
        assertEquals(403, browser.get("/admin/users?size=1").statusCode());
    }

    @Test
    void anAdminTeamLetsItsMembersInEvenWithoutAnAllowedOrganization() throws Exception {
        GitHubUser member = user("onlyadmin");
        github.joinOrganization(member, GatedDeployment.ADMINS);
        github.teams().add(adminTeam(), member, TeamRole.MAINTAINER);

        JsonObject me = json(GatedDeployment.signedInWithToken(url, member).get("/auth/me"));

        assertEquals("admin", me.getString("role"));
        assertEquals(List.of(ADMIN_TEAM), strings(me, "orgs"));
    }

    @Test
    void anAdminFromAdminGitHubIdsIsNeverDemotedByTheTeam() throws Exception {
        GitHubUser configured = GatedDeployment.root();
        Team admins = adminTeam();
        github.joinOrganization(configured, GatedDeployment.ADMINS);
        github.teams().add(admins, configured, TeamRole.MEMBER);
        Browser browser = GatedDeployment.signedInWithToken(url, configured);
        long userId = json(browser.get("/auth/me")).getJsonNumber("id").longValue();
        assertEquals(List.of(GatedDeployment.ACME, ADMIN_TEAM), strings(json(browser.get("/auth/me")), "orgs"));

        github.teams().remove(admins, configured);

        JsonObject me = await(browser, seen -> !strings(seen, "orgs").contains(ADMIN_TEAM));
        assertEquals("admin", me.getString("role"));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM audit_events WHERE type = 'role_changed'"
                + " AND target_user_id = ? AND detail LIKE '%\"by\":\"github_team\"%'", userId));
        assertEquals(200, browser.get("/admin/users?size=1").statusCode());
    }

    @Test
    void adminsSeeEachUsersLastMembershipCheck() throws Exception {
        GitHubUser member = user("viewed");
        github.joinOrganization(member, GatedDeployment.ACME);
        github.joinOrganization(member, GatedDeployment.BETA);
        Browser browser = GatedDeployment.signedInWithToken(url, member);
        JsonObject me = json(browser.get("/auth/me"));
        long userId = me.getJsonNumber("id").longValue();
        List<String> found = List.of(GatedDeployment.ACME, GatedDeployment.BETA);
        assertEquals(found, strings(me, "orgs"));
        Browser root = root();

        // (1) The detail and the search show the check: GitHub answered, the user is a member of these.
        JsonObject membership = json(root.get("/admin/users/" + userId)).getJsonObject("membership");
        assertEquals("member", membership.getString("result"));
        assertEquals(found, strings(membership, "orgs"));
        assertTrue(membership.isNull("failure"));
        assertNotNull(membership.getString("checked_at"));
        assertFalse(membership.isNull("verified_at"));
        assertFalse(json(root.get("/admin/users/" + userId)).containsKey("orgs"), "orgs are in membership");
        JsonObject listed = json(root.get("/admin/users?query=" + member.login())).getJsonArray("users")
                .getJsonObject(0);
        assertEquals(membership.getString("verified_at"), listed.getJsonObject("membership").getString("verified_at"));
        assertEquals(found, strings(listed.getJsonObject("membership"), "orgs"));

        // (2) GitHub silent at a re-check: the failure shows, what GitHub last said stands.
        github.setOutage(Outage.CONNECTION_RESET);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!"github_unavailable".equals(TestDatabase.value(
                "SELECT failure FROM membership_checks WHERE user_id = ?", userId))) {
            assertEquals(200, browser.get("/auth/me").statusCode());
            assertTrue(System.nanoTime() < deadline, "no re-check met GitHub's silence");
            Thread.sleep(200);
        }
        JsonObject failed = json(root.get("/admin/users/" + userId)).getJsonObject("membership");
        assertEquals("github_unavailable", failed.getString("failure"));
        assertEquals("member", failed.getString("result"));
        assertEquals(membership.getString("verified_at"), failed.getString("verified_at"));
        assertEquals(found, strings(failed, "orgs"));
    }

    @Test
    void anAccountNeverCheckedHasNoMembershipAndNoOrgs() throws Exception {
        Browser browser = new Browser(url.toURI());
        String email = "gate-views-" + System.nanoTime() + "@example.com";
        HttpResponse<String> registered = PasswordSignInIT.register(browser, email, PasswordSignInIT.PASSWORD, "");
        assertEquals(201, registered.statusCode(), registered.body());
        assertEquals(List.of(), strings(json(registered).getJsonObject("user"), "orgs"), "sign-in answers: []");

        JsonObject me = json(browser.get("/auth/me"));

        assertEquals(List.of(), strings(me, "orgs"));
        JsonObject viewed = json(root().get("/admin/users/" + me.getJsonNumber("id").longValue()));
        assertEquals(JsonValue.NULL, viewed.get("membership"));
    }

    private Team adminTeam() {
        return GatedDeployment.team(github, GatedDeployment.ADMINS, "admins");
    }

    /** The admin ADMIN_GITHUB_IDS names, signed in afresh. */
    private Browser root() throws Exception {
        return GatedDeployment.signedInWithToken(url, GatedDeployment.root());
    }

    /** {@code /auth/me} once it shows what is expected; membership checks run in the background. */
    private static JsonObject await(Browser browser, Predicate<JsonObject> expected) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> answer = browser.get("/auth/me");
            assertEquals(200, answer.statusCode(), answer.body());
            JsonObject me = json(answer);
            if (expected.test(me) || System.nanoTime() > deadline) {
                return me;
            }
            Thread.sleep(200);
        }
    }

    /** Role changes to {@code to} made by a team's membership check; a promotion names the team. */
    private static long roleChanges(long userId, String to) throws Exception {
        String team = "admin".equals(to) ? "%\"team\":\"" + ADMIN_TEAM + "\"%" : "%";
        return TestDatabase.count("SELECT COUNT(*) FROM audit_events WHERE type = 'role_changed'"
                + " AND target_user_id = ? AND detail LIKE '%\"by\":\"github_team\"%' AND detail LIKE ?"
                + " AND detail LIKE ?", userId, "%\"to\":\"" + to + "\"%", team);
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private GitHubUser user(String role) {
        return github.createUser("views-" + role + "-" + Long.toString(System.nanoTime(), 36));
    }
}
