package dev.latchkey.it;

import static dev.latchkey.it.GitHubSignIns.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.FakeGitHub;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In production with the frontend on another site, the session cookie is {@code __Host-} prefixed, Secure and
 * SameSite=None, and browsers land on the frontend.
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
    void theStateCookieIsSecureAndFailuresLandOnTheFrontendLoginPage() throws Exception {
        Browser browser = new Browser(url.toURI());

        HttpResponse<String> start = browser.get("/auth/github");
        assertTrue(Browser.setCookieHeader(start, "latchkey_oauth_state").orElseThrow().contains("; Secure"));
        assertTrue(location(start).getQuery().contains("redirect_uri=https://login.example.com/auth/github/callback"));

        HttpResponse<String> failed = browser.get("/auth/github/callback?code=x&state=y", "Accept", Browser.HTML);
        assertEquals("https://app.example.net/signin?error=invalid_state", location(failed).toString());
    }
}
