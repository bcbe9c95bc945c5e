package dev.latchkey.it;

import static dev.latchkey.it.GitHubCallbackFailuresIT.assertProblem;
import static dev.latchkey.it.GitHubSignInIT.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import dev.latchkey.testing.github.Team;
import dev.latchkey.testing.github.TeamRole;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A host application's routes marked {@code @RequiresGitHubTeam} ({@link HostAppTeamRoutes}): only members of the
 * team, as the last membership check found them, get through; the checks ask GitHub about the team though no
 * setting names it.
 */
@ExtendWith(ArquillianExtension.class)
class GitHubTeamRequirementsIT {

    private static final String NOT_REVIEWER = "Only members of the GitHub team gate-hosts/reviewers may do this";
    private static final String NOT_DEPLOYER = "Only members of the GitHub team gate-hosts/deployers may do this";
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
    void onlyMembersOfTheTeamGetThroughUntilTheyLeaveIt() throws Exception {
        GitHubUser member = user("reviewer");
        github.joinOrganization(member, GatedDeployment.ACME);
        Team reviewers = team("reviewers");
        github.joinOrganization(member, HostAppTeamRoutes.ORGANIZATION);
        github.teams().add(reviewers, member, TeamRole.MEMBER);

        // (1) Without a session: 401, as on any route that needs one.
        Browser browser = new Browser(url.toURI());
        assertProblem(browser.get("/host-app/reviews"), 401, "Not authenticated");

        // (2) Signed in, a member of the team: through; /auth/me lists the team.
        signInWithToken(browser, member);
        HttpResponse<String> reviews = browser.get("/host-app/reviews");
        assertEquals(200, reviews.statusCode(), reviews.body());
        assertEquals(3, json(reviews).getInt("reviews"));
        assertTrue(orgs(browser).contains(HostAppTeamRoutes.REVIEWERS), orgs(browser).toString());
        assertFalse(github.requests("GET", "/api/v3/orgs/gate-hosts/teams/reviewers").isEmpty(),
                "GitHub was asked about the team no setting names");
        // A method's own team replaces the class's (named as configured, in lower case).
        assertProblem(browser.get("/host-app/deploys"), 403, NOT_DEPLOYER);

        // (3) Removed from the team on GitHub: refused after the next check, signed in all the same.
        github.teams().remove(reviewers, member);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> refused = browser.get("/host-app/reviews");
        while (refused.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            refused = browser.get("/host-app/reviews");
        }
        assertProblem(refused, 403, NOT_REVIEWER);
        assertFalse(orgs(browser).contains(HostAppTeamRoutes.REVIEWERS));
        assertEquals(200, browser.get("/auth/me").statusCode());
    }

    @Test
    void aMemberOfTheTeamsOrganizationButNotOfTheTeamIsRefusedNamingIt() throws Exception {
        GitHubUser outsider = user("outsider");
        github.joinOrganization(outsider, GatedDeployment.ACME);
        github.joinOrganization(outsider, HostAppTeamRoutes.ORGANIZATION);
        team("reviewers");
        Browser browser = new Browser(url.toURI());
        signInWithToken(browser, outsider);

        assertProblem(browser.get("/host-app/reviews"), 403, NOT_REVIEWER);
        assertEquals(List.of(GatedDeployment.ACME), orgs(browser));
    }

    @Test
    void membersOfBothTeamsReachBothRoutes() throws Exception {
        GitHubUser both = user("both");
        github.joinOrganization(both, GatedDeployment.ACME);
        github.joinOrganization(both, HostAppTeamRoutes.ORGANIZATION);
        github.teams().add(team("reviewers"), both, TeamRole.MEMBER);
        github.teams().add(team("deployers"), both, TeamRole.MAINTAINER);
        Browser browser = new Browser(url.toURI());
        signInWithToken(browser, both);

        assertEquals(200, browser.get("/host-app/reviews").statusCode());
        HttpResponse<String> deploys = browser.get("/host-app/deploys");
        assertEquals(200, deploys.statusCode(), deploys.body());
        assertEquals(Set.of(GatedDeployment.ACME, "gate-hosts/reviewers", "gate-hosts/deployers"),
                Set.copyOf(orgs(browser)));
    }

    private Team team(String slug) {
        return GatedDeployment.team(github, HostAppTeamRoutes.ORGANIZATION, slug);
    }

    private void signInWithToken(Browser browser, GitHubUser user) {
        String token = github.issueTokenWithPrefix(user, "ghp_", "read:org", "user:email");
        HttpResponse<String> signedIn = browser.post("/auth/pat-signin", "{\"token\":\"" + token + "\"}");
        assertEquals(200, signedIn.statusCode(), signedIn.body());
    }

    private static List<String> orgs(Browser browser) {
        return json(browser.get("/auth/me")).getJsonArray("orgs").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
    }

    private GitHubUser user(String role) {
        return github.createUser("teams-" + role + "-" + Long.toString(System.nanoTime(), 36));
    }
}
