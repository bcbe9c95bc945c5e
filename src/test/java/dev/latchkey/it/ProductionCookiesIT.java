package dev.latchkey.it;

import static dev.latchkey.it.GitHubSignIns.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In production with the frontend on another site, the session, OAuth state and admin-return cookies are
 * {@code __Host-} prefixed and Secure (the session ones SameSite=None), and browsers land on the frontend.
 */
@ExtendWith(ArquillianExtension.class)
class ProductionCookiesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.withSettings(Map.of(
                "APP_ENV", "production",
                "BACKEND_URL", "https://login.example.com",
                "FRONTEND_URL", "https://app.example.net",
                "LOGIN_REDIRECT_PATH", "/signin",
                "ACCESS_TOKEN_EXPIRE_MINUTES", "60"));
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();

    @Test
    void theSessionCookieIsHostPrefixedSecureAndCrossSite() throws Exception {
        Browser browser = new Browser(url.toURI());
        github.reset();

        HttpResponse<String> done = GitHubSignIns.signIn(browser, github,
                github.createUser("production-" + System.nanoTime()));

        assertEquals(302, done.statusCode(), done.body());
        assertEquals("https://app.example.net/signin", location(done).toString(), "LOGIN_REDIRECT_PATH by default");
        String cookie = Browser.setCookieHeader(done, "__Host-access_token").orElseThrow();
        assertTrue(cookie.matches("__Host-access_token=[^;]+; Max-Age=3600; Path=/; Secure; HttpOnly; SameSite=None"),
                cookie);
        assertEquals(200, browser.get("/auth/me").statusCode());

        HttpResponse<String> logout = browser.onPage("https://app.example.net").post("/auth/logout", "");
        assertEquals("__Host-access_token=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; "
                + "HttpOnly; SameSite=None", Browser.setCookieHeader(logout, "__Host-access_token").orElseThrow());
    }

    @Test
    void theStateCookieIsHostPrefixedAndFailuresLandOnTheFrontendLoginPage() throws Exception {
        Browser browser = new Browser(url.toURI());

        HttpResponse<String> start = browser.get("/auth/github");
        String binding = Browser.setCookieHeader(start, "__Host-latchkey_oauth_state").orElseThrow();
        assertTrue(binding.matches(
                "__Host-latchkey_oauth_state=[^;]+; Max-Age=600; Path=/; Secure; HttpOnly; SameSite=Lax"), binding);
        assertTrue(Browser.setCookieHeader(start, "latchkey_oauth_state").isEmpty(), "no unprefixed cookie");
        assertTrue(location(start).getQuery().contains("redirect_uri=https://login.example.com/auth/github/callback"));

        HttpResponse<String> failed = browser.get("/auth/github/callback?code=x&state=y", "Accept", Browser.HTML);
        assertEquals("https://app.example.net/signin?error=invalid_state", location(failed).toString());
        assertEquals("__Host-latchkey_oauth_state=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; "
                + "HttpOnly; SameSite=Lax",
                Browser.setCookieHeader(failed, "__Host-latchkey_oauth_state").orElseThrow());
    }

    @Test
    void aStateCookiePlantedByASiblingDomainSignsNobodyIn() throws Exception {
        // (1) The attacker starts a sign-in of their own and approves it on GitHub
        Browser attacker = new Browser(url.toURI());
        String callback = GitHubSignIns.authorize(attacker, github,
                github.createUser("planter-" + System.nanoTime()), "/auth/github");
        String state = GitHubSignInIT.query(java.net.URI.create(callback)).get("state");

        // (2) A page on a sibling domain can set an unprefixed cookie for the victim (Domain=example.com), never a
        // __Host- one; then it sends the victim's browser to the attacker's callback
        Browser victim = new Browser(url.toURI());
        victim.setCookie("latchkey_oauth_state", state);
        HttpResponse<String> landed = victim.get(callback, "Accept", Browser.HTML);

        assertEquals("https://app.example.net/signin?error=invalid_state", location(landed).toString());
        assertTrue(Browser.setCookieHeader(landed, "__Host-access_token").isEmpty(), "no session for the victim");
    }

    @Test
    void anImpersonatingAdminsOwnSessionWaitsInAHostPrefixedCookie() throws Exception {
        Browser admin = new Browser(url.toURI()).onPage("https://app.example.net");
        GitHubUser root = github.createUser("production-admin-" + System.nanoTime());
        assertEquals(302, GitHubSignIns.signIn(admin, github, root).statusCode());
        TestDatabase.update("UPDATE users SET role = 'admin' WHERE github_id = ?", root.id());
        TestDatabase.awaitNoticeOfOutsideChange();
        long adminId = GitHubSignInIT.json(admin.get("/auth/me")).getJsonNumber("id").longValue();
        Browser user = new Browser(url.toURI());
        assertEquals(302, GitHubSignIns.signIn(user, github, github.createUser("helped-" + System.nanoTime()))
                .statusCode());
        long userId = GitHubSignInIT.json(user.get("/auth/me")).getJsonNumber("id").longValue();

        // (1) Impersonating: the admin's own token waits in a __Host- cookie
        String adminToken = admin.cookie("__Host-access_token").orElseThrow();
        HttpResponse<String> started = admin.post("/admin/users/" + userId + "/impersonate", "");
        assertEquals(200, started.statusCode(), started.body());
        String kept = Browser.setCookieHeader(started, "__Host-latchkey_admin_session").orElseThrow();
        assertTrue(kept.matches(Pattern.quote("__Host-latchkey_admin_session=" + adminToken)
                + "; Max-Age=\\d+; Path=/; Secure; HttpOnly; SameSite=None"), kept);
        assertTrue(Browser.setCookieHeader(started, "latchkey_admin_session").isEmpty(), "no unprefixed cookie");

        // (2) Stopping reads it back and expires it with the same attributes
        HttpResponse<String> stopped = admin.post("/auth/stop-impersonating", "");
        assertEquals(200, stopped.statusCode(), stopped.body());
        assertEquals(adminId, GitHubSignInIT.json(stopped).getJsonObject("user").getJsonNumber("id").longValue());
        assertEquals("__Host-latchkey_admin_session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; "
                + "Secure; HttpOnly; SameSite=None",
                Browser.setCookieHeader(stopped, "__Host-latchkey_admin_session").orElseThrow());
        assertEquals(adminId, GitHubSignInIT.json(admin.get("/auth/me")).getJsonNumber("id").longValue());
    }
}
