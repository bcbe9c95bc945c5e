package dev.latchkey.testing.github;

import static dev.latchkey.testing.github.TestClient.array;
import static dev.latchkey.testing.github.TestClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What organizations enforce on tokens, as GitHub answers it: SAML SSO, OAuth App restrictions, GitHub Apps. */
class FakeGitHubOrgPoliciesTest {

    private static final String OAUTH_APP = "Ov23liOAuthApp000001";
    private static final String GITHUB_APP = "Iv23liGitHubApp00001";

    private final TestClient client = new TestClient();
    private FakeGitHub github;
    private GitHubOrganizations orgs;
    private GitHubUser alice;
    private Organization acme;
    private Team platform;

    @BeforeEach
    void start() {
        github = FakeGitHub.start();
        github.registerApp(OAUTH_APP, "oauth-app-secret");
        github.registerGitHubApp(GITHUB_APP, "github-app-secret");
        orgs = github.organizations();
        alice = github.createUser("alice");
        acme = orgs.create("acme");
        orgs.addMember(acme, alice, OrgRole.MEMBER);
        platform = github.teams().create(acme, "Platform");
        github.teams().add(platform, alice, TeamRole.MEMBER);
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void ssoEnforcementAnswers403WithTheAuthorizationUrlUntilTheTokenIsAuthorized() throws Exception {
        orgs.enforceSso(acme);
        String token = github.issueToken(alice, OAUTH_APP, "read:org");

        HttpResponse<String> refused = client.api(github, "/user/memberships/orgs/acme", token);

        assertEquals(403, refused.statusCode());
        assertEquals("Resource protected by organization SAML enforcement. You must grant your OAuth token access to"
                + " this organization.", object(refused).getString("message"));
        String sso = refused.headers().firstValue("X-GitHub-SSO").orElseThrow();
        assertTrue(Pattern.matches("required; url=" + Pattern.quote(github.webUrl())
                + "/orgs/acme/sso\\?authorization_request=[A-Z2-7]+", sso), sso);
        assertEquals(403, client.api(github, "/orgs/acme/teams/platform/memberships/alice", token).statusCode());
        assertEquals(200, client.api(github, "/orgs/acme", token).statusCode(), "public");

        orgs.authorizeSso(token, acme);
        assertEquals(200, client.api(github, "/user/memberships/orgs/acme", token).statusCode());
        assertEquals(200, client.api(github, "/orgs/acme/teams/platform/memberships/alice", token).statusCode());
    }

    @Test
    void ssoAddressesCanNameAnotherSiteAsATamperingProxyWould() throws Exception {
        orgs.enforceSsoNamingAnotherSite(acme, "https://sso.example.net");

        HttpResponse<String> refused = client.api(github, "/user/memberships/orgs/acme",
                github.issueToken(alice, OAUTH_APP, "read:org"));

        assertEquals(403, refused.statusCode());
        String sso = refused.headers().firstValue("X-GitHub-SSO").orElseThrow();
        assertTrue(sso.startsWith("required; url=https://sso.example.net/orgs/acme/sso?authorization_request="), sso);
    }

    @Test
    void ssoNamesPersonalAccessTokensAndSparesNonMembers() throws Exception {
        orgs.enforceSso(acme);
        GitHubUser bob = github.createUser("bob");

        HttpResponse<String> pat = client.api(github, "/user/memberships/orgs/acme",
                github.issueToken(alice, null, "read:org"));
        assertTrue(object(pat).getString("message").contains("grant your Personal Access token access"));
        HttpResponse<String> outsider = client.api(github, "/user/memberships/orgs/acme",
                github.issueToken(bob, null, "read:org"));
        assertEquals(404, outsider.statusCode());
        assertTrue(outsider.headers().firstValue("X-GitHub-SSO").isEmpty());
    }

    @Test
    void teamListsWithholdTeamsOfUnauthorizedSsoOrganizationsAndSaySo() throws Exception {
        Organization globex = orgs.create("globex");
        orgs.addMember(globex, alice, OrgRole.MEMBER);
        github.teams().add(github.teams().create(globex, "Ops"), alice, TeamRole.MEMBER);
        orgs.enforceSso(acme);
        String token = github.issueToken(alice, OAUTH_APP, "read:org");

        HttpResponse<String> teams = client.api(github, "/user/teams", token);

        assertEquals(1, array(teams).size());
        assertEquals("ops", array(teams).getJsonObject(0).getString("slug"));
        assertEquals("partial-results; organizations=" + acme.id(),
                teams.headers().firstValue("X-GitHub-SSO").orElseThrow());
        assertEquals(2, array(client.api(github, "/user/orgs", token)).size(), "organizations are still listed");
    }

    @Test
    void anUnapprovedOAuthAppGetsGitHubsRestrictionMessage() throws Exception {
        orgs.restrictOAuthApps(acme);
        String token = github.issueToken(alice, OAUTH_APP, "read:org");

        HttpResponse<String> refused = client.api(github, "/user/memberships/orgs/acme", token);

        assertEquals(403, refused.statusCode());
        assertEquals("Although you appear to have the correct authorization credentials, the `acme` organization has"
                + " enabled OAuth App access restrictions, meaning that data access to third-parties is limited. For"
                + " more information on these restrictions, including how to enable this app, visit"
                + " https://docs.github.com/articles/restricting-access-to-your-organization-s-data/",
                object(refused).getString("message"));
        assertEquals("https://docs.github.com/rest/orgs/members#get-an-organization-membership-for-the-authenticated"
                + "-user", object(refused).getString("documentation_url"));
        assertEquals(403, client.api(github, "/orgs/acme/teams/platform", token).statusCode());
        assertEquals(0, array(client.api(github, "/user/orgs", token)).size());
        assertEquals(0, array(client.api(github, "/user/teams", token)).size());
        assertEquals(200, client.api(github, "/orgs/acme", token).statusCode(), "public");

        orgs.approveOAuthApp(acme, OAUTH_APP);
        assertEquals(200, client.api(github, "/user/memberships/orgs/acme", token).statusCode());
        assertEquals(1, array(client.api(github, "/user/orgs", token)).size());
    }

    @Test
    void restrictionsSparePersonalAccessTokensAndGitHubApps() throws Exception {
        orgs.restrictOAuthApps(acme);

        assertEquals(200, client.api(github, "/user/memberships/orgs/acme",
                github.issueToken(alice, null, "read:org")).statusCode());
        assertEquals(200, client.api(github, "/user/memberships/orgs/acme",
                github.issueTokenWithPrefix(alice, "github_pat_")).statusCode());
        assertEquals(200, client.api(github, "/user/memberships/orgs/acme",
                github.issueToken(alice, GITHUB_APP)).statusCode());
    }

    @Test
    void aGitHubAppReachesOnlyOrganizationsItIsInstalledOn() throws Exception {
        String token = github.issueToken(alice, GITHUB_APP);
        long installation = orgs.installGitHubApp(acme, GITHUB_APP);
        assertEquals(installation, orgs.installGitHubApp(acme, GITHUB_APP), "installed already");

        orgs.uninstallGitHubApp(acme, GITHUB_APP);

        HttpResponse<String> refused = client.api(github, "/user/memberships/orgs/acme", token);
        assertEquals(403, refused.statusCode());
        assertEquals("You do not have access to this organization membership.", object(refused).getString("message"));
        assertEquals(404, client.api(github, "/orgs/acme/teams/platform/memberships/alice", token).statusCode());
        assertEquals(0, array(client.api(github, "/user/orgs", token)).size());
        assertEquals(0, array(client.api(github, "/user/teams", token)).size());

        assertNotEquals(installation, orgs.installGitHubApp(acme, GITHUB_APP), "a new installation");
        assertEquals(200, client.api(github, "/user/memberships/orgs/acme", token).statusCode());
    }
}
