package dev.latchkey.it;

import static dev.latchkey.it.GitHubCallbackFailuresIT.assertProblem;
import static dev.latchkey.it.GitHubSignInIT.json;
import static dev.latchkey.it.PasswordSignInIT.login;
import static dev.latchkey.it.PasswordSignInIT.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import dev.latchkey.testing.github.Organization;
import dev.latchkey.testing.github.Outage;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Membership keeps being decided while sessions live: a member removed on GitHub loses every session at the next
 * check, GitHub being silent leaves sessions alone until the staleness bound, and a password sign-in stands only for
 * an account whose linked GitHub identity is a member.
 */
@ExtendWith(ArquillianExtension.class)
class MembershipChecksIT {

    private static final String NO_LONGER = "No longer a member of an allowed organization";
    private static final String UNVERIFIED = "Your organization membership could not be checked with GitHub for too"
            + " long: sign in with GitHub again";
    private static final String GITHUB_FIRST = "Sign in with GitHub: only members of an allowed organization may"
            + " sign in";
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
    void aMemberRemovedOnGitHubLosesEverySessionAtTheNextCheck() throws Exception {
        GitHubUser member = user("leaver");
        Organization acme = github.joinOrganization(member, GatedDeployment.ACME);
        Browser phone = GatedDeployment.signedInWithToken(url, member);
        Browser laptop = GatedDeployment.signedInWithToken(url, member);
        assertEquals(200, laptop.get("/auth/me").statusCode());

        github.organizations().removeMember(acme, member);

        // The request finding the check due is answered from the last result; the check runs meanwhile.
        assertProblem(GatedDeployment.awaitStatus(phone, "/auth/me", 401), 401, NO_LONGER);
        assertProblem(laptop.get("/auth/me"), 401, NO_LONGER);
        long userId = GatedDeployment.userId(member);
        assertEquals("not_a_member", TestDatabase.value("SELECT result FROM membership_checks WHERE user_id = ?",
                userId));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL",
                userId));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_events WHERE type = 'membership_ended'"
                + " AND target_user_id = ? AND detail LIKE '%\"sessions_ended\":2%'", userId));
    }

    @Test
    void gitHubSilentDuringAReCheckLeavesTheSessionAlone() throws Exception {
        GitHubUser member = user("patient");
        github.joinOrganization(member, GatedDeployment.ACME);
        Browser browser = GatedDeployment.signedInWithToken(url, member);
        long userId = GatedDeployment.userId(member);

        github.setOutage(Outage.CONNECTION_RESET);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!"github_unavailable".equals(TestDatabase.value(
                "SELECT failure FROM membership_checks WHERE user_id = ?", userId))) {
            assertEquals(200, browser.get("/auth/me").statusCode(), "the session goes on meanwhile");
            assertTrue(System.nanoTime() < deadline, "no re-check met GitHub's silence");
            Thread.sleep(200);
        }

        assertEquals(200, browser.get("/auth/me").statusCode());
        assertEquals("member", TestDatabase.value("SELECT result FROM membership_checks WHERE user_id = ?", userId),
                "the last answer GitHub gave stands");
    }

    @Test
    void membershipUnconfirmedForLongerThanTheBoundEndsTheSessions() throws Exception {
        GitHubUser member = user("stale");
        github.joinOrganization(member, GatedDeployment.ACME);
        Browser browser = GatedDeployment.signedInWithToken(url, member);
        long userId = GatedDeployment.userId(member);
        OffsetDateTime dayAndHourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(25);
        TestDatabase.update("UPDATE membership_checks SET verified_at = ?, created_at = ? WHERE user_id = ?",
                dayAndHourAgo, dayAndHourAgo, userId);

        github.setOutage(Outage.CONNECTION_RESET);

        assertProblem(GatedDeployment.awaitStatus(browser, "/auth/me", 401), 401, UNVERIFIED);
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_events WHERE type = 'membership_ended'"
                + " AND target_user_id = ? AND detail LIKE '%\"result\":\"github_unavailable\"%'", userId));
    }

    @Test
    void anAccountWithoutGitHubMayOnlyLinkItAndCannotSignInWithItsPassword() throws Exception {
        Browser browser = new Browser(url.toURI());
        String email = "gate-password-" + System.nanoTime() + "@example.com";
        assertEquals(201, register(browser, email, PasswordSignInIT.PASSWORD, "").statusCode());

        // Its session shows who it is and can link GitHub, and nothing else.
        assertEquals(200, browser.get("/auth/me").statusCode());
        assertEquals(200, browser.get("/account.html", "Accept", Browser.HTML).statusCode(), "the pages load");
        assertProblem(browser.get("/auth/sessions"), 403, GITHUB_FIRST);
        assertEquals(302, browser.get("/auth/github?link=true", "Accept", Browser.HTML).statusCode());

        assertProblem(login(new Browser(url.toURI()), email, PasswordSignInIT.PASSWORD), 403, GITHUB_FIRST);
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_events e JOIN users u ON u.id ="
                + " e.target_user_id WHERE e.type = 'sign_in_refused' AND u.email = ?"
                + " AND e.detail LIKE '%\"reason\":\"no_github_identity\"%'", email));
    }

    @Test
    void aPasswordSignInStandsOnlyWhileTheLinkedGitHubAccountIsAMember() throws Exception {
        GitHubUser member = user("linked");
        Organization acme = github.joinOrganization(member, GatedDeployment.ACME);
        Browser browser = new Browser(url.toURI());
        String email = "gate-linked-" + System.nanoTime() + "@example.com";
        assertEquals(201, register(browser, email, PasswordSignInIT.PASSWORD, "").statusCode());
        String callback = GitHubSignIns.authorize(browser, github, member, "/auth/github?link=true");
        assertEquals(302, browser.get(callback, "Accept", Browser.HTML).statusCode());
        assertEquals(member.id(), json(browser.get("/auth/me")).getJsonNumber("github_id").longValue());

        Browser laptop = new Browser(url.toURI());
        assertEquals(200, login(laptop, email, PasswordSignInIT.PASSWORD).statusCode());
        assertEquals(200, laptop.get("/auth/sessions").statusCode(), "a linked member's session is not confined");

        github.organizations().removeMember(acme, member);

        assertProblem(login(new Browser(url.toURI()), email, PasswordSignInIT.PASSWORD), 403, GITHUB_FIRST);
        assertProblem(laptop.get("/auth/me"), 401, NO_LONGER);
        assertProblem(browser.get("/auth/me"), 401, NO_LONGER);
    }

    @Test
    void anAdminNoLongerAMemberCannotGoOnImpersonating() throws Exception {
        // (1) A member made admin by hand (so no team demotes them) impersonates another member.
        GitHubUser helper = user("helper");
        Organization acme = github.joinOrganization(helper, GatedDeployment.ACME);
        GitHubUser helped = user("helped");
        github.joinOrganization(helped, GatedDeployment.ACME);
        Browser impersonating = GatedDeployment.signedInWithToken(url, helper);
        Browser own = GatedDeployment.signedInWithToken(url, helper);
        long helperId = json(own.get("/auth/me")).getJsonNumber("id").longValue();
        long helpedId = json(GatedDeployment.signedInWithToken(url, helped).get("/auth/me")).getJsonNumber("id").longValue();
        Browser root = GatedDeployment.signedInWithToken(url, GatedDeployment.root());
        assertEquals(200, root.post("/admin/users/" + helperId + "/role", "{\"role\":\"admin\"}").statusCode());
        HttpResponse<String> started = impersonating.post("/admin/users/" + helpedId + "/impersonate", "");
        assertEquals(200, started.statusCode(), started.body());

        // (2) The admin leaves the organization on GitHub: the next check of their own session ends their sessions,
        // (3) and the impersonation with them, as a ban would.
        github.organizations().removeMember(acme, helper);
        assertProblem(GatedDeployment.awaitStatus(own, "/auth/me", 401), 401, NO_LONGER);
        TestDatabase.awaitNoticeOfOutsideChange();
        assertProblem(impersonating.get("/auth/me"), 401, NO_LONGER);
    }

    @Test
    void aRefusedSignInWithATokenBlindToMembershipsLeavesTheMembersSessionsAlone() throws Exception {
        GitHubUser member = user("blind");
        github.joinOrganization(member, GatedDeployment.ACME);
        Browser browser = GatedDeployment.signedInWithToken(url, member);

        // Anyone holding a token of the member without read:org (a CI token, say) tries it on /auth/pat-signin.
        String blind = github.issueTokenWithPrefix(member, "ghp_", "user:email");
        HttpResponse<String> refused = new Browser(url.toURI()).post("/auth/pat-signin",
                "{\"token\":\"" + blind + "\"}");
        assertEquals(403, refused.statusCode(), refused.body());

        TestDatabase.awaitNoticeOfOutsideChange();
        assertEquals(200, browser.get("/auth/me").statusCode(), "the member's own sessions go on");
        assertEquals("member", TestDatabase.value("SELECT result FROM membership_checks WHERE user_id = ?",
                GatedDeployment.userId(member)));
    }

    @Test
    void aPasswordSignInDoesNotOutliveTheStalenessBound() throws Exception {
        GitHubUser member = user("stale-password");
        github.joinOrganization(member, GatedDeployment.ACME);
        Browser browser = new Browser(url.toURI());
        String email = "gate-stale-" + System.nanoTime() + "@example.com";
        assertEquals(201, register(browser, email, PasswordSignInIT.PASSWORD, "").statusCode());
        String callback = GitHubSignIns.authorize(browser, github, member, "/auth/github?link=true");
        assertEquals(302, browser.get(callback, "Accept", Browser.HTML).statusCode());
        OffsetDateTime dayAndHourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(25);
        TestDatabase.update("UPDATE membership_checks SET verified_at = ?, created_at = ?, due_at = ?"
                + " WHERE user_id = ?", dayAndHourAgo, dayAndHourAgo, dayAndHourAgo, GatedDeployment.userId(member));

        github.setOutage(Outage.CONNECTION_RESET);

        assertProblem(GatedDeployment.awaitStatus(browser, "/auth/me", 401), 401, UNVERIFIED);
        assertProblem(login(new Browser(url.toURI()), email, PasswordSignInIT.PASSWORD), 503,
                "GitHub is not answering; try again later");
    }

    @Test
    void anAllowedOrganizationGitHubDidNotKnowAdmitsNobodyEvenOnceSomeoneCreatesIt() throws Exception {
        // (1) A member signs in: the entry naming no organization is asked about, and kept as unknown.
        GitHubUser member = user("before-squat");
        github.joinOrganization(member, GatedDeployment.ACME);
        GatedDeployment.signedInWithToken(url, member);

        // (2) Anyone registers that free login on GitHub as their own organization, and tries to sign in.
        GitHubUser squatter = user("squatter");
        github.joinOrganization(squatter, GatedDeployment.NOWHERE);
        String token = github.issueTokenWithPrefix(squatter, "ghp_", "read:org", "user:email");
        assertProblem(new Browser(url.toURI()).post("/auth/pat-signin", "{\"token\":\"" + token + "\"}"), 403,
                "Your GitHub account is not a member of an allowed organization");
    }

    private GitHubUser user(String role) {
        return github.createUser("checks-" + role + "-" + Long.toString(System.nanoTime(), 36));
    }
}
