package dev.latchkey.it;

import static dev.latchkey.it.GitHubCallbackFailuresIT.assertProblem;
import static dev.latchkey.it.GitHubSignIns.location;
import static dev.latchkey.it.GitHubSignInIT.json;
import static dev.latchkey.it.PasswordSignInIT.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import dev.latchkey.testing.github.OrgRole;
import dev.latchkey.testing.github.Organization;
import dev.latchkey.testing.github.Team;
import dev.latchkey.testing.github.TeamRole;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The organization gate at sign-in: with {@code GITHUB_ALLOWED_ORGS} and {@code GITHUB_ALLOWED_TEAMS} set, only
 * active members of an allowed organization or team get in (web flow, personal access token, link), and nothing of
 * a refused sign-in is written.
 */
@ExtendWith(ArquillianExtension.class)
class OrganizationGateIT {

    private static final String ACME = GatedDeployment.ACME;
    private static final String RENAMED = GatedDeployment.RENAMED;
    private static final String SSO = GatedDeployment.SSO;
    private static final String SSO_ELSEWHERE = GatedDeployment.SSO_ELSEWHERE;
    private static final String RESTRICTED = GatedDeployment.RESTRICTED;
    private static final String TEAMS = GatedDeployment.TEAMS;
    private static final String RUN = GatedDeployment.RUN;
    private static final String NOT_A_MEMBER = "Your GitHub account is not a member of an allowed organization";
    private static final String SSO_REQUIRED = "Your organization requires SAML single sign-on: authorize this"
            + " app's token for it on GitHub, then sign in again";
    private static final String RESTRICTED_DETAIL = "Your organization restricts which OAuth Apps may read its data:"
            + " ask an owner to approve this app on GitHub, then sign in again";
    private static final String PAT = "/auth/pat-signin";
    private static final String FAILURE = "http://localhost:8080/?error=";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return GatedDeployment.deployment();
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();
    private Browser browser;

    @BeforeEach
    void setUp() throws Exception {
        browser = new Browser(url.toURI());
        github.reset();
    }

    @AfterEach
    void gitHubIsBack() {
        github.reset();
    }

    @Test
    void aMemberOfAnAllowedOrganizationSignsInWithTheWebFlowAndAToken() throws Exception {
        GitHubUser member = user("member");
        github.joinOrganization(member, ACME);

        // (1) The authorization asks for read:org on top of GITHUB_SCOPES: private memberships need it.
        HttpResponse<String> toGitHub = browser.get("/auth/github", "Accept", Browser.HTML);
        String scope = URLDecoder.decode(location(toGitHub).getRawQuery(), StandardCharsets.UTF_8);
        assertTrue(scope.contains("scope=read:user user:email read:org"), scope);

        // (2) The web flow signs the member in (an unknown organization in the list admits nobody, the others work).
        HttpResponse<String> signedIn = GitHubSignIns.signIn(new Browser(browser.base()), github, member);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertEquals("http://localhost:8080/", location(signedIn).toString());
        assertTrue(Browser.setCookieHeader(signedIn, "access_token").isPresent());

        // (3) So does a personal access token with read:org.
        HttpResponse<String> pat = browser.post(PAT, token(member, "read:org", "user:email"));
        assertEquals(200, pat.statusCode(), pat.body());
        assertEquals(2, sessionsOf(member));
    }

    @Test
    void aNonMemberIsRefusedBeforeAnythingIsWritten() throws Exception {
        GitHubUser stranger = user("stranger");
        github.joinOrganization(stranger, "gate-elsewhere-" + RUN);

        // (1) A browser goes back to the sign-in page with ?error=not_a_member and no session cookie.
        HttpResponse<String> page = GitHubSignIns.signIn(browser, github, stranger);
        assertEquals(302, page.statusCode(), page.body());
        assertEquals(FAILURE + "not_a_member", location(page).toString());
        assertFalse(Browser.setCookieHeader(page, "access_token").isPresent());

        // (2) A script gets the problem.
        Browser script = new Browser(browser.base());
        String callback = GitHubSignIns.authorize(script, github, stranger, "/auth/github");
        assertProblem(script.get(callback, "Accept", "application/json"), 403, NOT_A_MEMBER);
        assertTrue(github.liveTokens(stranger).isEmpty(), "the tokens GitHub issued for refused sign-ins are revoked");
        // (3) A personal access token too (the person's own: not revoked).
        String pat = github.issueTokenWithPrefix(stranger, "ghp_", "read:org", "user:email");
        assertProblem(browser.post(PAT, "{\"token\":\"" + pat + "\"}"), 403, NOT_A_MEMBER);
        assertTrue(github.liveTokens(stranger).contains(pat), "a refused personal access token stays the person's");

        // (4) No user, session or token row; the refusals are audited with the allowed set, never the token.
        assertNothingWritten(stranger);
        assertEquals(3, TestDatabase.count("SELECT COUNT(*) FROM audit_events WHERE type = 'sign_in_refused'"
                + " AND detail LIKE ?", "%\"github_id\":" + stranger.id() + "%"));
        String detail = (String) TestDatabase.value("SELECT detail FROM audit_events WHERE type = 'sign_in_refused'"
                + " AND detail LIKE ? AND detail LIKE '%\"method\":\"pat\"%'", "%\"github_id\":" + stranger.id() + "%");
        assertTrue(detail.contains("\"reason\":\"not_a_member\""), detail);
        assertTrue(detail.contains(ACME) && detail.contains(TEAMS + "/core"), detail);
        assertFalse(detail.contains(pat), detail);
    }

    @Test
    void aPendingInvitationIsNotMembership() throws Exception {
        GitHubUser invited = user("invited");
        Organization acme = organization(ACME);
        github.organizations().invite(acme, invited, OrgRole.MEMBER);

        assertProblem(browser.post(PAT, token(invited, "read:org", "user:email")), 403, NOT_A_MEMBER);
        assertEquals(FAILURE + "not_a_member", location(GitHubSignIns.signIn(browser, github, invited)).toString());
        assertNothingWritten(invited);

        // Accepting the invitation lets them in.
        github.organizations().addMember(acme, invited, OrgRole.MEMBER);
        assertEquals(200, browser.post(PAT, token(invited, "read:org", "user:email")).statusCode());
    }

    @Test
    void aBillingManagerIsNotAMember() throws Exception {
        GitHubUser accountant = user("billing");
        github.organizations().addMember(organization(ACME), accountant, OrgRole.BILLING_MANAGER);

        assertProblem(browser.post(PAT, token(accountant, "read:org", "user:email")), 403, NOT_A_MEMBER);
        assertEquals(FAILURE + "not_a_member",
                location(GitHubSignIns.signIn(browser, github, accountant)).toString());
        assertNothingWritten(accountant);
    }

    @Test
    void aRenamedOrganizationStillAdmitsItsMembers() throws Exception {
        GitHubUser first = user("first");
        GitHubUser second = user("second");
        Organization organization = github.joinOrganization(first, RENAMED);
        github.joinOrganization(second, RENAMED);
        // (1) The first sign-in resolves the login to the organization's id.
        assertEquals(200, browser.post(PAT, token(first, "read:org", "user:email")).statusCode());

        // (2) Renamed on GitHub: the configured login finds nothing there now, the id still matches.
        github.organizations().rename(organization, "gate-newname-" + RUN);
        HttpResponse<String> web = GitHubSignIns.signIn(new Browser(browser.base()), github, second);
        assertEquals("http://localhost:8080/", location(web).toString());
        assertEquals(200, browser.post(PAT, token(first, "read:org", "user:email")).statusCode());
        // (3) A stranger who takes the freed login gets no one in by it.
        GitHubUser squatter = user("squatter");
        github.joinOrganization(squatter, RENAMED);
        assertProblem(browser.post(PAT, token(squatter, "read:org", "user:email")), 403, NOT_A_MEMBER);
    }

    @Test
    void aMemberOfAnAllowedTeamGetsInAndTheRestOfItsOrganizationDoesNot() throws Exception {
        GitHubUser inTeam = user("core");
        GitHubUser notInTeam = user("outsider");
        github.joinOrganization(inTeam, TEAMS);
        github.joinOrganization(notInTeam, TEAMS);
        Team core = GatedDeployment.team(github, TEAMS, "core");
        github.teams().add(core, inTeam, TeamRole.MEMBER);

        HttpResponse<String> web = GitHubSignIns.signIn(browser, github, inTeam);
        assertEquals("http://localhost:8080/", location(web).toString());
        assertProblem(browser.post(PAT, token(notInTeam, "read:org", "user:email")), 403, NOT_A_MEMBER);
        assertNothingWritten(notInTeam);
    }

    @Test
    void anSsoEnforcedOrganizationExplainsItself() throws Exception {
        GitHubUser member = user("sso");
        Organization organization = github.joinOrganization(member, SSO);
        github.organizations().enforceSso(organization);

        // (1) The browser goes back with GitHub's address for authorizing the token, for the page to link to.
        String page = location(GitHubSignIns.signIn(browser, github, member)).toString();
        String prefix = FAILURE + "github_sso_required&sso_url=";
        assertTrue(page.startsWith(prefix), page);
        String ssoUrl = URLDecoder.decode(page.substring(prefix.length()), StandardCharsets.UTF_8);
        assertTrue(ssoUrl.matches(Pattern.quote(github.webUrl() + "/orgs/" + SSO + "/sso?authorization_request=")
                + "[A-Z2-7]+"), ssoUrl);
        // (2) A script gets it in the problem's detail.
        HttpResponse<String> pat = browser.post(PAT, token(member, "read:org", "user:email"));
        assertEquals(403, pat.statusCode(), pat.body());
        assertTrue(json(pat).getString("detail").startsWith(SSO_REQUIRED + " (" + github.webUrl() + "/orgs/" + SSO
                + "/sso?authorization_request="), pat.body());
        assertNothingWritten(member);

        // Authorized for SSO, the same token gets in.
        String authorized = github.issueTokenWithPrefix(member, "ghp_", "read:org", "user:email");
        github.organizations().authorizeSso(authorized, organization);
        assertEquals(200, browser.post(PAT, "{\"token\":\"" + authorized + "\"}").statusCode());
    }

    @Test
    void anSsoAddressOnAnotherSiteIsNotPassedToTheSignInPage() throws Exception {
        GitHubUser member = user("sso-elsewhere");
        Organization organization = github.joinOrganization(member, SSO_ELSEWHERE);
        github.organizations().enforceSsoNamingAnotherSite(organization, "https://sso.example.net");

        // The page would make sso_url a link: one GitHub's web host does not serve is left out.
        assertEquals(FAILURE + "github_sso_required",
                location(GitHubSignIns.signIn(browser, github, member)).toString());
        assertNothingWritten(member);
    }

    @Test
    void theProvidersNameTheAllowedOrganizationsAndTeamsForTheSignInPage() throws Exception {
        JsonObject providers = json(new Browser(browser.base()).get("/auth/providers"));

        assertEquals(List.of(GatedDeployment.NOWHERE, ACME, GatedDeployment.BETA, RENAMED, SSO, RESTRICTED,
                        SSO_ELSEWHERE, TEAMS + "/core"),
                providers.getJsonArray("organizations").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList());
        assertEquals(github.webUrl(), providers.getString("github_url"));
        assertTrue(providers.getBoolean("github") && providers.getBoolean("pat") && providers.getBoolean("password")
                && providers.getBoolean("registration"), providers.toString());
    }

    @Test
    void anOrganizationRestrictingOAuthAppsExplainsItself() throws Exception {
        GitHubUser member = user("restricted");
        Organization organization = github.joinOrganization(member, RESTRICTED);
        github.organizations().restrictOAuthApps(organization);
        try {
            String callback = GitHubSignIns.authorize(browser, github, member, "/auth/github");
            assertEquals(FAILURE + "org_access_restricted",
                    location(browser.get(callback, "Accept", Browser.HTML)).toString());
            String again = GitHubSignIns.authorize(browser, github, member, "/auth/github");
            assertProblem(browser.get(again, "Accept", "application/json"), 403, RESTRICTED_DETAIL);
            assertNothingWritten(member);
        } finally {
            // Under restrictions GitHub hides every membership from the app: approved, the others' stories work.
            github.organizations().approveOAuthApp(organization, LatchkeyDeployment.CLIENT_ID);
        }
        assertEquals("http://localhost:8080/", location(GitHubSignIns.signIn(browser, github, member)).toString());
    }

    @Test
    void linkingANonMembersGitHubAccountIsRefused() throws Exception {
        String email = "gate-linker-" + System.nanoTime() + "@example.com";
        long id = json(register(browser, email, PasswordSignInIT.PASSWORD, "")).getJsonObject("user")
                .getJsonNumber("id").longValue();
        GitHubUser stranger = user("linker");

        String callback = GitHubSignIns.authorize(browser, github, stranger, "/auth/github?link=true");
        HttpResponse<String> refused = browser.get(callback, "Accept", Browser.HTML);

        assertEquals(FAILURE + "not_a_member", location(refused).toString());
        assertEquals(null, TestDatabase.value("SELECT github_id FROM users WHERE id = ?", id));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM github_tokens WHERE user_id = ?", id));
        assertNothingWritten(stranger);
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_events WHERE type = 'sign_in_refused'"
                + " AND actor_user_id = ? AND target_user_id = ?", id, id), "the refusal names the account linking");
        assertEquals(200, browser.get("/auth/me").statusCode(), "the password session goes on");
    }

    @Test
    void gitHubFailingTheCheckIsA502AndNoSession() throws Exception {
        GitHubUser member = user("failing");
        github.joinOrganization(member, ACME);
        String pat = github.issueTokenWithPrefix(member, "ghp_", "read:org", "user:email");
        github.failEndpoint("GET", "/api/v3/user/memberships/orgs/" + ACME, 502);

        HttpResponse<String> answer = browser.post(PAT, "{\"token\":\"" + pat + "\"}");

        assertEquals(502, answer.statusCode(), answer.body());
        assertNothingWritten(member);
    }

    @Test
    void aRateLimitedCheckIsGitHubFailingNotARefusal() throws Exception {
        GitHubUser member = user("limited");
        github.joinOrganization(member, ACME);
        // GitHub's primary limit (403, X-RateLimit-Remaining: 0), then its secondary one (429, Retry-After).
        for (int status : new int[] {403, 429}) {
            github.failEndpoint("GET", "/api/v3/user/memberships/orgs/" + ACME, status);
            String pat = github.issueTokenWithPrefix(member, "ghp_", "read:org", "user:email");

            assertProblem(browser.post(PAT, "{\"token\":\"" + pat + "\"}"), 502,
                    "Could not check your organization membership with GitHub; try again later");
            assertNothingWritten(member);
            assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM audit_events WHERE type = 'sign_in_refused'"
                    + " AND detail LIKE ?", "%" + member.login() + "%"), "not audited as a refusal");
        }
    }

    private GitHubUser user(String role) {
        return github.createUser("gate-" + role + "-" + Long.toString(System.nanoTime(), 36));
    }

    private Organization organization(String login) {
        return github.organizations().find(login).orElseGet(() -> github.organizations().create(login));
    }

    private String token(GitHubUser user, String... scopes) {
        return "{\"token\":\"" + github.issueTokenWithPrefix(user, "ghp_", scopes) + "\"}";
    }

    private static long sessionsOf(GitHubUser user) throws Exception {
        return TestDatabase.count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id"
                + " WHERE u.github_id = ?", user.id());
    }

    private static void assertNothingWritten(GitHubUser user) throws Exception {
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", user.id()), "users");
        assertEquals(0, sessionsOf(user), "sessions");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM github_tokens t JOIN users u ON u.id = t.user_id"
                + " WHERE u.github_id = ?", user.id()), "github_tokens");
    }
}
