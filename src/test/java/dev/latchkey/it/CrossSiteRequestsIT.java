package dev.latchkey.it;

import static dev.latchkey.it.GitHubCallbackFailuresIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages on other sites: only the configured frontends may read answers with credentials, and no other site can make
 * a signed-in browser change anything.
 */
@ExtendWith(ArquillianExtension.class)
class CrossSiteRequestsIT {

    private static final String FRONTEND = LatchkeyDeployment.CORS_FRONTEND;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.shared();
    }

    @ArquillianResource
    URL url;

    private static final String GRANT_REVOCATIONS = "/api/v3/applications/" + LatchkeyDeployment.CLIENT_ID + "/grant";
    private static final String REFUSED_NAVIGATION = "http://localhost:8080/?error=cross_site_request";

    private final FakeGitHub github = LatchkeyDeployment.github();
    private Browser browser;
    private GitHubUser user;

    @BeforeEach
    void signIn() throws Exception {
        browser = new Browser(url.toURI());
        github.reset();
        user = github.createUser("cross-site-" + System.nanoTime());
        GitHubSignIns.signIn(browser, github, user);
    }

    @Test
    void aConfiguredFrontendMayReadAnswersWithCredentials() {
        HttpResponse<String> me = browser.get("/auth/me", "Origin", FRONTEND);

        assertEquals(200, me.statusCode());
        assertEquals(FRONTEND, me.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("true", me.headers().firstValue("Access-Control-Allow-Credentials").orElse(""));
        assertTrue(me.headers().allValues("Vary").contains("Origin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.com", "null", "http://app.example.com", "https://app.example.com:8443",
        "https://app.example.com.evil.com", "https://xapp.example.com", "https://app.example.co"})
    void lookAlikeOriginsGetNoCorsHeadersAndNoPreflight(String origin) {
        HttpResponse<String> me = browser.get("/auth/me", "Origin", origin);
        assertTrue(me.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), origin);

        HttpResponse<String> preflight = browser.send("OPTIONS", "/auth/logout", "Origin", origin,
                "Access-Control-Request-Method", "POST");
        assertProblem(preflight, 403, "Origin not allowed");
    }

    @Test
    void aPreflightFromTheFrontendIsAnswered() {
        HttpResponse<String> preflight = browser.send("OPTIONS", "/auth/logout", "Origin", FRONTEND,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");

        assertEquals(204, preflight.statusCode());
        assertEquals(FRONTEND, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Content-Type"));
    }

    @Test
    void aCrossSitePostWithTheCookieIsRefusedAndChangesNothing() {
        assertProblem(browser.onPage("https://evil.com").post("/auth/logout", ""), 403, "Invalid origin");
        assertEquals(200, browser.get("/auth/me").statusCode(), "still signed in");
    }

    @Test
    void aCookiePostWithoutOriginOrRefererIsRefusedButARefererFromTheFrontendIsEnough() {
        assertProblem(browser.asScript().post("/auth/logout", ""), 403, "Invalid origin");
        assertProblem(browser.post("/auth/logout", "", "Referer", "https://evil.com/page"), 403, "Invalid origin");

        assertEquals(200, browser.post("/auth/logout", "", "Referer", FRONTEND + "/settings").statusCode());
        assertEquals(401, browser.get("/auth/me").statusCode());
    }

    @Test
    void bearerRequestsAreExemptAndScriptsWithoutCookiesMayPost() {
        String token = browser.cookie("access_token").orElseThrow();
        Browser script = new Browser(browser.base()).asScript();

        assertEquals(200, script.post("/auth/logout", "", "Origin", "https://evil.com",
                "Authorization", "Bearer " + token).statusCode());
        assertEquals(401, browser.get("/auth/me").statusCode(), "the Bearer logout ended the session");
        assertEquals(200, new Browser(browser.base()).asScript().post("/auth/logout", "").statusCode());
    }

    @Test
    void signInsPostedFromAForeignPageAreRefusedButScriptsMaySignIn() {
        Browser visitor = new Browser(browser.base()).onPage("https://evil.com");
        assertProblem(visitor.post("/auth/login", "{\"email\":\"a@example.com\",\"password\":\"whatever1\"}"),
                403, "Invalid origin");
        assertProblem(visitor.post("/auth/register", "{\"email\":\"b@example.com\",\"password\":\"whatever1\"}"),
                403, "Invalid origin");
        assertProblem(visitor.post("/auth/pat-signin", "{\"token\":\"ghp_abc\"}"), 403, "Invalid origin");

        Browser script = new Browser(browser.base()).asScript();
        String email = "script-" + System.nanoTime() + "@example.com";
        assertEquals(201, script.post("/auth/register", "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}")
                .statusCode(), "no Origin at all: a script may sign in");
    }

    /** What a browser sends with an {@code <img>} or a link on another site's page: the site, and maybe a Referer. */
    static Stream<Arguments> foreignPages() {
        return Stream.of(
                Arguments.of((Object) new String[] {"Sec-Fetch-Site", "cross-site"}),
                Arguments.of((Object) new String[] {"Sec-Fetch-Site", "cross-site", "Referer", "https://evil.com/page"}),
                Arguments.of((Object) new String[] {"Sec-Fetch-Site", "same-site",
                    "Referer", "https://app.example.com.evil.com/"}),
                Arguments.of((Object) new String[] {"Sec-Fetch-Site", "cross-site", "Origin", "null",
                    "Referer", FRONTEND + "/"}));
    }

    @ParameterizedTest
    @MethodSource("foreignPages")
    void aReconnectFromAnotherSitesPageRevokesNothingAndEndsNothing(String[] headers) {
        Set<String> liveTokens = github.liveTokens(user);
        int revocations = github.requests("DELETE", GRANT_REVOCATIONS).size();

        HttpResponse<String> refused = browser.get("/auth/github/reconnect", headers);

        assertEquals(302, refused.statusCode(), refused.body());
        assertEquals(REFUSED_NAVIGATION, refused.headers().firstValue("Location").orElseThrow());
        assertEquals(revocations, github.requests("DELETE", GRANT_REVOCATIONS).size(), "GitHub was not asked");
        assertEquals(liveTokens, github.liveTokens(user));
        assertEquals(200, browser.get("/auth/me").statusCode(), "still signed in");
    }

    @ParameterizedTest
    @MethodSource("foreignPages")
    void aLinkFromAnotherSitesPageStartsNothing(String[] headers) throws Exception {
        long id = Operators.id(browser);

        HttpResponse<String> refused = browser.get("/auth/github?link=true", headers);

        assertEquals(302, refused.statusCode(), refused.body());
        assertEquals(REFUSED_NAVIGATION, refused.headers().firstValue("Location").orElseThrow());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM oauth_states WHERE link_user_id = ?", id));
    }

    @Test
    void aReconnectFromTheFrontendsPageOrTypedByHandGoesOn() throws Exception {
        int revocations = github.requests("DELETE", GRANT_REVOCATIONS).size();

        HttpResponse<String> fromFrontend = browser.get("/auth/github/reconnect", "Sec-Fetch-Site", "cross-site",
                "Referer", FRONTEND + "/settings");

        assertEquals(302, fromFrontend.statusCode(), fromFrontend.body());
        assertTrue(fromFrontend.headers().firstValue("Location").orElseThrow().startsWith(github.webUrl()));
        assertEquals(revocations + 1, github.requests("DELETE", GRANT_REVOCATIONS).size());
        assertEquals(401, browser.get("/auth/me").statusCode(), "reconnecting ends the session");

        Browser typed = new Browser(browser.base());
        GitHubSignIns.signIn(typed, github, user);
        HttpResponse<String> byHand = typed.get("/auth/github/reconnect", "Sec-Fetch-Site", "none");
        assertTrue(byHand.headers().firstValue("Location").orElseThrow().startsWith(github.webUrl()));
        Browser sameOrigin = new Browser(browser.base());
        GitHubSignIns.signIn(sameOrigin, github, user);
        long id = Operators.id(sameOrigin);
        HttpResponse<String> link = sameOrigin.get("/auth/github?link=true", "Sec-Fetch-Site", "same-origin");
        assertTrue(link.headers().firstValue("Location").orElseThrow().startsWith(github.webUrl()));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM oauth_states WHERE link_user_id = ?", id));
    }

    @Test
    void theFrontendAndLatchkeyItselfMayChangeState() {
        assertEquals(200, browser.onPage("http://localhost:3000").post("/auth/logout", "").statusCode());
        Browser same = new Browser(browser.base());
        GitHubSignIns.signIn(same, github, github.createUser("cross-site-self-" + System.nanoTime()));
        assertEquals(200, same.post("/auth/logout", "").statusCode(), "Origin http://localhost:8080 = BACKEND_URL");
    }
}
