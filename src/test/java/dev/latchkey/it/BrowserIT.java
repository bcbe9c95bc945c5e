package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.Email;
import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

/**
 * The bundled pages in a real headless Chromium, against the server and the GitHub stub: each story is what a person
 * does and sees, and ends with a screenshot in target/screenshots.
 */
@ExtendWith({Chromium.class, ArquillianExtension.class})
class BrowserIT {

    static final String BASE = "http://localhost:38917";
    static final String PASSWORD = "correct horse battery staple";
    static final String BAN_ADMIN = "ban-admin@browser.example";
    static final String IMPERSONATING_ADMIN = "impersonating-admin@browser.example";
    private static final String SESSIONS_OF = "SELECT COUNT(*) FROM sessions s JOIN password_credentials p "
            + "ON p.user_id = s.user_id WHERE p.email_normalized = ? AND s.revoked_at IS NULL";

    @Deployment(testable = false)
    @TargetsContainer("browser")
    static WebArchive deployment() {
        // The browser follows GitHub's redirect to BACKEND_URL itself, and the Origin check trusts it: the real URL.
        return LatchkeyDeployment.withSettings(Map.of("BACKEND_URL", BASE, "BCRYPT_COST", "4",
                "ADMIN_EMAILS", BAN_ADMIN + "," + IMPERSONATING_ADMIN));
    }

    private final FakeGitHub github = LatchkeyDeployment.github();
    private Page page;
    private String story;

    @BeforeEach
    void openBrowser(TestInfo test) throws Exception {
        github.reset();
        story = test.getTestMethod().orElseThrow().getName();
        page = new Page(Chromium.open(), BASE);
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
    void story01_gitHubSignInRoundTripShowsTheProfileScopesAndThisDevice() throws Exception {
        GitHubUser octocat = github.createUser("octo-" + System.nanoTime()).withName("Mona Lisa Octocat");
        github.signInAs(octocat);

        page.open("/");
        page.visible("github-signin");
        page.screenshot("sign-in");
        page.press("github-signin").at("/account.html");

        assertEquals("Mona Lisa Octocat", page.text("profile-name"));
        assertEquals("@" + octocat.login(), page.text("profile-login"));
        assertEquals(octocat.email(), page.text("profile-email"));
        assertEquals("M", page.text("avatar-fallback"), "the stub serves no avatar: the initial stands in");
        page.shows("methods", "GitHub: @" + octocat.login());
        assertEquals("repo, read:user, user:email, read:org", page.text("scopes-granted"));
        assertEquals("none", page.text("scopes-missing"));
        page.shows("sessions", "This device");
        assertTrue(page.isShown("reconnect-github"));
        assertFalse(page.isShown("link-github"), "already linked");
        assertEquals(Boolean.TRUE, page.script("return localStorage.length === 0 && sessionStorage.length === 0"
                + " && !document.cookie.includes('access_token')"), "no token reaches JavaScript or storage");
        page.shows("sessions", "Chrome on Linux");
        page.screenshot("signed-in");
        page.phoneWidth();
        page.screenshot("signed-in-phone");
    }

    @Test
    void story02_cancellingOnGitHubComesBackToTheSignInPageSayingSo() {
        GitHubUser octocat = github.createUser("denier-" + System.nanoTime());
        github.signInAs(octocat);
        github.denyNextAuthorization();

        page.open("/").press("github-signin");

        page.shows("github-error", "GitHub sign-in was cancelled: you did not authorize Latchkey on GitHub.");
        assertEquals(BASE + "/", page.url(), "the code leaves the address bar");
        page.open("/account.html").at("/");
        page.shows("page-status", "Please sign in to continue.");
    }

    @Test
    void story03_aPersonalAccessTokenSignsInAfterAMalformedOneIsExplained() {
        GitHubUser octocat = github.createUser("pat-" + System.nanoTime());
        String token = github.issueToken(octocat, null, "repo", "read:user", "user:email");

        page.open("/").type("pat-token", "ghp_not a token").press("pat-submit");
        page.shows("pat-error", "Malformed GitHub token");
        assertEquals(BASE + "/", page.url());

        page.type("pat-token", token).press("pat-submit").at("/account.html");
        assertEquals("@" + octocat.login(), page.text("profile-login"));
        page.shows("scopes-missing", "read:org (reconnect to grant)");
    }

    @Test
    void story04_registeringThenSigningInWithAWrongPasswordFirst() throws Exception {
        String email = "reg-" + System.nanoTime() + "@example.com";
        page.open("/").type("register-name", "Ada Lovelace").type("register-email", email)
                .type("register-password", "short").press("register-submit");
        page.shows("register-error", "Password must be at least 8 characters");

        page.type("register-password", PASSWORD).press("register-submit").at("/account.html");
        assertEquals("Ada Lovelace", page.text("profile-name"));
        page.shows("methods", "Email and password: " + email);
        page.press("signout").at("/?signed_out=1");
        page.shows("page-status", "You are signed out.");

        // Keyboard only: Enter in the password field sends the form.
        page.type("login-email", email).type("login-password", "not my password\n");
        assertEquals("Invalid credentials", page.text("login-error"));
        assertEquals(0, TestDatabase.count(SESSIONS_OF, email));
        page.type("login-password", PASSWORD);
        // Two quick presses: the button is disabled by the first, so one sign-in is sent.
        page.script("const b = document.getElementById('login-submit'); b.click(); b.click();");
        page.at("/account.html");
        assertEquals(email, page.text("profile-email"));
        assertEquals(1, TestDatabase.count(SESSIONS_OF, email), "one session, not two");
    }

    @Test
    void story05_endingAnotherSessionSignsThatDeviceOut() throws Exception {
        String email = "devices-" + System.nanoTime() + "@example.com";
        signUp(email, "Grace Hopper");
        Browser phone = new Browser(URI.create(BASE)).asScript();
        assertEquals(200, PasswordSignInIT.login(phone, email, PASSWORD).statusCode());

        page.open("/account.html");
        page.until("two sessions listed", () -> page.all("#sessions li").size() == 2);
        page.shows("sessions", "This device");
        page.waitFor("#sessions li:not(.current) .end-session").click();

        page.shows("sessions-status", "Session ended.");
        page.until("one session left", () -> page.all("#sessions li").size() == 1);
        assertEquals(1, page.all("#sessions li.current").size());
        assertEquals(401, phone.get("/auth/me").statusCode(), "the phone is signed out");
        assertEquals(1, TestDatabase.count(SESSIONS_OF, email));
    }

    @Test
    void story06_linkingGitHubToAPasswordAccountAndBeingToldWhenItIsTaken() {
        GitHubUser taken = github.createUser("taken-" + System.nanoTime());
        GitHubSignIns.signIn(new Browser(URI.create(BASE)), github, taken);
        String email = "linker-" + System.nanoTime() + "@example.com";
        signUp(email, "Linus");

        github.signInAs(taken);
        page.press("link-github").at("/account.html");
        page.shows("methods-error", "That GitHub account could not be linked");
        assertFalse(page.text("methods").contains("GitHub:"));

        GitHubUser mine = github.createUser("mine-" + System.nanoTime());
        github.signInAs(mine);
        page.open("/account.html").press("link-github").at("/account.html");
        page.shows("methods", "GitHub: @" + mine.login() + " (" + mine.email() + ")");
        page.shows("methods", "Email and password: " + email);
        assertTrue(page.isShown("unlink-github"));
        assertEquals("@" + mine.login(), page.text("profile-login"));
        assertEquals(email, page.text("profile-email"), "the account keeps its email");
    }

    @Test
    void story10_linkingGitHubLongAfterSigningInAsksForThePasswordFirst() throws Exception {
        String email = "relinker-" + System.nanoTime() + "@example.com";
        signUp(email, "Signed In Long Ago");
        TestDatabase.update("UPDATE sessions SET created_at = ? WHERE user_id = (SELECT user_id FROM "
                + "password_credentials WHERE email_normalized = ?)", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(11),
                email);
        GitHubUser mine = github.createUser("relinked-" + System.nanoTime());
        github.signInAs(mine);

        page.press("link-github").at("/account.html");
        page.shows("reauth-text", "Linking GitHub needs a sign-in from the last 10 minutes");
        assertEquals(email, page.script("return document.getElementById('reauth-email').value"));
        assertFalse(page.isShown("link-github"), "the form stands in for the button");
        page.screenshot("sign-in-again-to-link");
        page.type("reauth-password", "not my password").press("reauth-submit");
        page.shows("reauth-error", "Invalid credentials");

        page.type("reauth-password", PASSWORD).press("reauth-submit");
        // The page signs in, then leaves for GitHub by script: wait for the link before reading the new page.
        page.until("GitHub is linked", () -> linkedUsers(mine) == 1);
        page.at("/account.html").shows("methods", "GitHub: @" + mine.login());
        assertFalse(page.isShown("reauth-form"));
        assertEquals(1, TestDatabase.count(SESSIONS_OF, email), "the old sessions ended: one for this browser");
    }

    @Test
    void story07_signingOutEndsTheSession() {
        signUp("leaver-" + System.nanoTime() + "@example.com", "Leaving Soon");

        page.press("signout").at("/?signed_out=1");

        page.shows("page-status", "You are signed out.");
        page.open("/account.html").at("/");
        page.shows("page-status", "Please sign in to continue.");
    }

    @Test
    void story08_anAdminBansAUserWhoIsThenShownTheBanMessage() throws Exception {
        String email = "banned-" + System.nanoTime() + "@example.com";
        Browser victim = new Browser(URI.create(BASE)).asScript();
        assertEquals(201, PasswordSignInIT.register(victim, email, PASSWORD, "").statusCode());
        signInAsAdmin(BAN_ADMIN);

        findUser(email);
        page.waitFor("#users .ban-reason-input").sendKeys("Spamming pull requests");
        page.waitFor("#users .ban").click();
        page.shows("users-status", "User banned");
        page.shows("users", "Reason: Spamming pull requests");
        page.screenshot("admin-users");
        int afterBan = victim.get("/auth/me").statusCode();
        assertTrue(afterBan == 401 || afterBan == 403, "their session ended: " + afterBan);

        page.press("signout").at("/?signed_out=1");
        page.type("login-email", email).type("login-password", PASSWORD).press("login-submit");
        page.shows("login-error", "You have been banned from this application.");
        assertEquals("/", URI.create(page.url()).getPath(), "still on the sign-in page");
    }

    /** Searches the users page and waits for exactly that user's row (the first, unfiltered list is replaced). */
    private void findUser(String email) {
        page.open("/admin.html").type("search-query", email).press("search-submit");
        page.until("only " + email + " listed", () -> {
            var rows = page.all("#users li.user");
            try {
                return rows.size() == 1 && email.equals(rows.get(0).getAttribute("data-email"));
            } catch (org.openqa.selenium.StaleElementReferenceException replacedMeanwhile) {
                return false;
            }
        });
    }

    @Test
    void story09_anAdminImpersonatesAUserUnderABannerAndStops() {
        String email = "helped-" + System.nanoTime() + "@example.com";
        Browser helped = new Browser(URI.create(BASE)).asScript();
        assertEquals(201, PasswordSignInIT.register(helped, email, PASSWORD, "\"name\":\"Needs Help\",")
                .statusCode());
        signInAsAdmin(IMPERSONATING_ADMIN);

        findUser(email);
        page.waitFor("#users .impersonate").click();
        page.at("/account.html");
        page.shows("impersonation-text", "are impersonating " + email);
        assertEquals(email, page.text("profile-email"));
        assertEquals("Needs Help", page.text("profile-name"));

        page.press("stop-impersonating").at("/admin.html");
        page.open("/account.html");
        assertEquals(IMPERSONATING_ADMIN, page.text("profile-email"));
        assertFalse(page.isShown("impersonation-banner"));
        assertTrue(page.isShown("admin-link"));
    }

    private static long linkedUsers(GitHubUser user) {
        try {
            return TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", user.id());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers on the sign-in page and waits for the account page. */
    private void signUp(String email, String name) {
        page.open("/").type("register-name", name).type("register-email", email)
                .type("register-password", PASSWORD).press("register-submit").at("/account.html");
    }

    /** Signs in with GitHub as an account whose verified address ADMIN_EMAILS lists (a registration would not do). */
    private void signInAsAdmin(String email) {
        GitHubUser admin = github.createUser("admin-" + System.nanoTime()).withEmails(List.of(Email.primary(email)));
        github.signInAs(admin);
        page.open("/").press("github-signin").at("/account.html");
        page.visible("admin-link");
    }
}
