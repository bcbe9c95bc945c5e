package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import dev.latchkey.testing.github.Organization;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * The sign-in pages in a real headless Chromium when the organization gate refuses a GitHub sign-in: each refusal is
 * explained in words, with the allowed organizations by name and links to GitHub only.
 */
@ExtendWith({Chromium.class, ArquillianExtension.class})
class OrganizationGatePagesIT {

    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String ACME = "pages-acme-" + RUN;
    private static final String SSO = "pages-sso-" + RUN;
    private static final String RESTRICTED = "pages-restricted-" + RUN;
    private static final String PASSWORD = BrowserIT.PASSWORD;

    @Deployment(testable = false)
    @TargetsContainer("browser")
    static WebArchive deployment() {
        // Before any sign-in asks: an allowed login GitHub does not know yet is kept as unknown, and admits nobody.
        for (String organization : List.of(ACME, SSO, RESTRICTED)) {
            LatchkeyDeployment.github().organizations().find(organization)
                    .orElseGet(() -> LatchkeyDeployment.github().organizations().create(organization));
        }
        // The browser follows GitHub's redirect to BACKEND_URL itself: the fixed port of the browser container.
        return LatchkeyDeployment.withSettings(Map.of("BACKEND_URL", BrowserIT.BASE, "BCRYPT_COST", "4",
                "GITHUB_ALLOWED_ORGS", ACME + "," + SSO + "," + RESTRICTED,
                "GITHUB_ALLOWED_TEAMS", ACME + "/core",
                // Closed by default under an allow-list; open so a password account can try to link GitHub.
                "REGISTRATION", "open"));
    }

    private final FakeGitHub github = LatchkeyDeployment.github();
    private Page page;
    private String story;

    @BeforeEach
    void openBrowser(TestInfo test) throws Exception {
        github.reset();
        story = test.getTestMethod().orElseThrow().getName();
        page = new Page(Chromium.open(), BrowserIT.BASE);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        try {
            page.screenshot(story);
        } finally {
            page.close();
        }
    }

    @Test
    void story01_aNonMemberSignsInWithGitHubAndIsToldWhoMaySignInAndHowToGetAccess() throws Exception {
        GitHubUser stranger = github.createUser("pages-stranger-" + System.nanoTime());
        github.joinOrganization(stranger, "pages-elsewhere-" + RUN);
        github.signInAs(stranger);

        page.open("/").press("github-signin").at("/");

        page.shows("github-error", "Your GitHub account is not a member of an organization or team allowed to sign "
                + "in here.");
        assertEquals(List.of(ACME, SSO, RESTRICTED, ACME + "/core (team)"),
                page.all("#allowed-organizations li").stream().map(WebElement::getText).toList());
        page.shows("github-error", "ask an owner of the organization to invite you");
        page.shows("github-error", "grant (or request) access to the organization");
        assertEquals(github.webUrl() + "/settings/applications", href("github-applications"));
        page.screenshot("sign-in-not-a-member");
        page.open("/account.html").at("/");
        page.shows("page-status", "Please sign in to continue.");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", stranger.id()));
    }

    @Test
    void story02_aMemberOfAnSsoOrganizationIsSentToGitHubsSsoAuthorization() {
        GitHubUser member = github.createUser("pages-sso-" + System.nanoTime());
        Organization organization = github.joinOrganization(member, SSO);
        github.organizations().enforceSso(organization);
        github.signInAs(member);

        page.open("/").press("github-signin").at("/");

        page.shows("github-error", "Your organization requires SAML single sign-on");
        page.shows("sso-link", "Authorize this app for your organization's single sign-on on GitHub");
        String link = href("sso-link");
        assertTrue(link.startsWith(github.webUrl() + "/orgs/" + SSO + "/sso?authorization_request="), link);
    }

    @Test
    void story03_aCraftedSignInLinkNeverLinksAwayFromGitHubNorAddsMarkup() {
        for (String address : List.of("https://evil.example/orgs/acme/sso", "javascript:alert(1)",
                github.webUrl().replace("127.0.0.1", "localhost") + "/orgs/acme/sso",
                "\"><img id=injected src=x>")) {
            page.open("/?error=github_sso_required&sso_url=" + URLEncoder.encode(address, StandardCharsets.UTF_8))
                    .at("/");

            page.shows("github-error", "Your organization requires SAML single sign-on");
            assertFalse(page.isShown("sso-link"), "no link to " + address);
            assertEquals(github.webUrl() + "/settings/applications", href("github-applications"),
                    "the steps on GitHub itself instead");
            assertTrue(page.all("#injected").isEmpty());
        }
        page.open("/?error=" + URLEncoder.encode("<img id=injected src=x>", StandardCharsets.UTF_8)).at("/");
        page.shows("github-error", "Sign-in did not complete (imgidinjectedsrcx)");
        assertTrue(page.all("#injected").isEmpty());
    }

    @Test
    void story04_anOrganizationRestrictingOAuthAppsTellsThePersonToAskForApproval() {
        GitHubUser member = github.createUser("pages-restricted-" + System.nanoTime());
        Organization organization = github.joinOrganization(member, RESTRICTED);
        github.organizations().restrictOAuthApps(organization);
        try {
            github.signInAs(member);
            page.open("/").press("github-signin").at("/");

            page.shows("github-error", "has not approved this app yet");
            page.shows("github-error", "Ask an owner of the organization to approve this app");
            assertTrue(href("restrictions-help").startsWith("https://docs.github.com/"));
        } finally {
            // Restricted, the organization hides every membership from the app: approved, the other stories work.
            github.organizations().approveOAuthApp(organization, LatchkeyDeployment.CLIENT_ID);
        }
    }

    @Test
    void story05_linkingANonMembersGitHubAccountExplainsTheRefusalOnTheAccountPage() {
        String email = "pages-linker-" + System.nanoTime() + "@example.com";
        page.open("/").type("register-email", email).type("register-password", PASSWORD).press("register-submit")
                .at("/account.html");
        GitHubUser stranger = github.createUser("pages-linked-" + System.nanoTime());
        github.signInAs(stranger);

        page.press("link-github").at("/account.html");

        page.shows("methods-error", "Your GitHub account is not a member of an organization or team allowed");
        page.shows("allowed-organizations", ACME);
        assertFalse(page.text("methods").contains("GitHub:"), "nothing was linked");
    }

    private String href(String id) {
        return page.visible(id).getAttribute("href");
    }
}
