package dev.latchkey.it;

import static dev.latchkey.it.GitHubSignIns.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.crypto.KeyDerivation;
import dev.latchkey.crypto.TokenCipher;
import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import dev.latchkey.testing.github.Outage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A person signs in with GitHub in development settings: to GitHub and back, then who am I, then out. Every address
 * of this machine is a trusted proxy, so a scenario can send {@code X-Forwarded-For} as a proxy would.
 */
@ExtendWith(ArquillianExtension.class)
class GitHubSignInIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.shared();
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();
    private Browser browser;

    @BeforeEach
    void newBrowser() throws Exception {
        browser = new Browser(url.toURI());
        github.reset();
    }

    @Test
    void startSendsTheBrowserToGitHubWithAStoredStateAndAPkceChallenge() throws Exception {
        // (1) GET /auth/github
        HttpResponse<String> start = browser.get("/auth/github");

        assertEquals(302, start.statusCode());
        URI authorize = location(start);
        assertEquals(github.webUrl() + "/login/oauth/authorize",
                authorize.getScheme() + "://" + authorize.getAuthority() + authorize.getPath());
        Map<String, String> query = query(authorize);
        assertEquals(LatchkeyDeployment.CLIENT_ID, query.get("client_id"));
        assertEquals("http://localhost:8080/auth/github/callback", query.get("redirect_uri"));
        assertEquals("repo read:user user:email read:org", query.get("scope"));
        assertEquals("S256", query.get("code_challenge_method"));
        String state = query.get("state");
        assertTrue(Base64.getUrlDecoder().decode(state).length >= 32, "state carries at least 256 bits");
        assertEquals(43, query.get("code_challenge").length(), "an S256 challenge");
        assertEquals("no-referrer", start.headers().firstValue("Referrer-Policy").orElse(""));

        String binding = Browser.setCookieHeader(start, "latchkey_oauth_state").orElseThrow();
        assertTrue(binding.contains("HttpOnly") && binding.contains("Path=/auth/github")
                && binding.contains("Max-Age=600") && binding.contains("SameSite=Lax"), binding);

        // The database keeps only a hash of the state, valid for ten minutes.
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM oauth_states WHERE state_hash = ?", state));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM oauth_states WHERE state_hash = ?", sha256(state)));
    }

    @Test
    void signingInStoresTheUserAndEncryptedTokenAndStartsASessionInAnHttpOnlyCookie() throws Exception {
        GitHubUser octocat = github.createUser("octocat-" + System.nanoTime());

        // (2) GitHub approves and sends the browser back to the callback
        HttpResponse<String> done = GitHubSignIns.signIn(browser, github, octocat);

        assertEquals(302, done.statusCode(), done.body());
        assertEquals("http://localhost:8080/", location(done).toString());
        String cookie = Browser.setCookieHeader(done, "access_token").orElseThrow();
        assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; Path=/") && cookie.contains("; SameSite=Lax")
                && cookie.contains("; Max-Age=86400"), cookie);
        assertFalse(cookie.contains("Secure"), "development cookies work over plain http: " + cookie);
        assertTrue(Browser.setCookieHeader(done, "latchkey_oauth_state").orElseThrow().contains("Max-Age=0"));

        JsonObject me = json(browser.get("/auth/me"));
        assertEquals(octocat.id(), me.getJsonNumber("github_id").longValue());
        assertEquals(octocat.login(), me.getString("github_username"));
        assertEquals(octocat.name(), me.getString("name"));
        assertEquals(octocat.email(), me.getString("email"));
        assertTrue(me.getBoolean("email_verified"), "GitHub shows only a verified address on a profile");
        assertEquals(octocat.avatarUrl(), me.getString("avatar_url"));
        assertTrue(me.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                me.getString("created_at"));

        // The token GitHub issued is stored only encrypted, readable with the key derived from SECRET_KEY.
        String stored = (String) TestDatabase.value("SELECT t.access_token FROM github_tokens t JOIN users u "
                + "ON u.id = t.user_id WHERE u.github_id = ?", octocat.id());
        String issued = github.liveTokens(octocat).iterator().next();
        assertFalse(stored.contains(issued));
        assertEquals(issued, new TokenCipher(KeyDerivation.fernetKey(LatchkeyDeployment.SECRET_KEY))
                .decrypt(stored).value());
        assertEquals(Browser.USER_AGENT, TestDatabase.value("SELECT s.user_agent FROM sessions s JOIN users u "
                + "ON u.id = s.user_id WHERE u.github_id = ?", octocat.id()));
        assertTrue(TestDatabase.value("SELECT s.ip_address FROM sessions s JOIN users u ON u.id = s.user_id "
                + "WHERE u.github_id = ?", octocat.id()).toString().matches("[0-9.]+|[0-9a-f:]+"));
    }

    @Test
    void theRedirectParameterKeepsOnlyRelativePathsOnTheFrontend() {
        GitHubUser user = github.createUser("redirects-" + System.nanoTime());
        assertEquals("http://localhost:8080/dashboard?tab=1", landing(user, "/dashboard%3Ftab%3D1"));
        for (String attack : new String[] {"//evil.example", "/%5Cevil.example", "https://evil.example",
                "javascript:alert(1)", "/%0d%0aSet-Cookie:%20x=1", "/%09/evil.example", "evil.example"}) {
            assertEquals("http://localhost:8080/", landing(user, attack), attack);
        }
    }

    @Test
    void aRedirectThatIsNoCleanUrlPathIsEncodedOrFallsBackAndNeverBreaksTheCallback() throws Exception {
        GitHubUser user = github.createUser("unclean-" + System.nanoTime());

        // (1) Characters a URL cannot hold as they are get percent-encoded; a broken escape falls back
        assertEquals("http://localhost:8080/a%20b", landing(user, "/a%20b"));
        assertEquals("http://localhost:8080/x%7By%7D", landing(user, "/x%7By%7D"));
        assertEquals("http://localhost:8080/a%C2%A0b", landing(user, "/a%C2%A0b"));
        assertEquals("http://localhost:8080/", landing(user, "/a%25zz"));

        // (2) A state stored before these rules is cleaned again at the callback
        assertEquals("http://localhost:8080/a%20b", landingWithStored(user, "/a b"));
        assertEquals("http://localhost:8080/", landingWithStored(user, "/a%zz"));

        assertEquals(6, TestDatabase.count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                + "WHERE u.github_id = ?", user.id()), "one session per sign-in, none left by a failure");
    }

    @Test
    void theClientAddressIsTheRightmostUntrustedOneOverEveryForwardedForLine() throws Exception {
        GitHubUser user = github.createUser("forwarded-" + System.nanoTime());
        String callback = GitHubSignIns.authorize(browser, github, user, "/auth/github");

        // The client forges a first line; the trusted proxy in front of Latchkey appends its own line
        HttpResponse<String> done = browser.get(callback, "Accept", Browser.HTML,
                "X-Forwarded-For", "6.6.6.6, 5.5.5.5", "X-Forwarded-For", "198.51.100.7, 127.0.0.1");

        assertEquals(302, done.statusCode(), done.body());
        assertEquals("198.51.100.7", TestDatabase.value("SELECT s.ip_address FROM sessions s JOIN users u "
                + "ON u.id = s.user_id WHERE u.github_id = ?", user.id()));
        assertEquals("198.51.100.7", TestDatabase.value("SELECT e.ip_address FROM audit_events e JOIN users u "
                + "ON u.id = e.target_user_id WHERE e.type = 'sign_in' AND u.github_id = ?", user.id()));
    }

    @Test
    void aPrivateEmailIsTakenFromThePrimaryVerifiedAddress() throws Exception {
        GitHubUser hidden = github.createUser("private-" + System.nanoTime()).withPrivateEmail();
        github.update(hidden);

        GitHubSignIns.signIn(browser, github, hidden);

        JsonObject me = json(browser.get("/auth/me"));
        String primary = hidden.emails().stream().filter(e -> e.primary() && e.verified()).findFirst()
                .orElseThrow().email();
        assertEquals(primary, me.getString("email"));
        assertTrue(me.getBoolean("email_verified"));
    }

    @Test
    void anAccountWithoutAVerifiedAddressSignsInWithoutAnEmail() throws Exception {
        GitHubUser unverified = github.createUser("unverified-" + System.nanoTime()).withNoVerifiedEmail();
        github.update(unverified);

        GitHubSignIns.signIn(browser, github, unverified);

        JsonObject me = json(browser.get("/auth/me"));
        assertEquals(unverified.id(), me.getJsonNumber("github_id").longValue());
        assertTrue(me.isNull("email"), "an address GitHub did not verify is never taken");
        assertFalse(me.getBoolean("email_verified"));
    }

    @Test
    void signingInAgainUpdatesTheProfileKeepsOneUserAndStartsANewSession() throws Exception {
        GitHubUser user = github.createUser("again-" + System.nanoTime());
        GitHubSignIns.signIn(browser, github, user);
        String firstCookie = browser.cookie("access_token").orElseThrow();

        GitHubUser renamed = user.withName("Renamed Person");
        github.update(renamed);
        Browser otherDevice = new Browser(browser.base());
        GitHubSignIns.signIn(otherDevice, github, renamed);

        assertNotEquals(firstCookie, otherDevice.cookie("access_token").orElseThrow());
        assertEquals("Renamed Person", json(otherDevice.get("/auth/me")).getString("name"));
        assertEquals(200, browser.get("/auth/me").statusCode(), "the first device stays signed in");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", user.id()));
        assertEquals(2, TestDatabase.count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                + "WHERE u.github_id = ?", user.id()));
    }

    @Test
    void afterLogoutTheOldTokenIsRefusedEverywhereAndLoggingOutTwiceIsFine() throws Exception {
        GitHubUser user = github.createUser("logout-" + System.nanoTime());
        GitHubSignIns.signIn(browser, github, user);
        String token = browser.cookie("access_token").orElseThrow();

        HttpResponse<String> logout = browser.post("/auth/logout", "");

        assertEquals(200, logout.statusCode());
        JsonObject body = json(logout);
        assertTrue(body.getBoolean("ok"));
        assertEquals("Logged out", body.getString("message"));
        assertEquals("access_token=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax",
                Browser.setCookieHeader(logout, "access_token").orElseThrow());
        Browser replay = new Browser(browser.base());
        assertRefused(replay.get("/auth/me", "Authorization", "Bearer " + token), "Invalid or expired token");
        replay.setCookie("access_token", token);
        assertRefused(replay.get("/auth/me"), "Invalid or expired token");
        assertEquals(200, browser.post("/auth/logout", "").statusCode());
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                + "WHERE u.github_id = ? AND s.revoked_at IS NOT NULL", user.id()));
    }

    @Test
    void reconnectRevokesTheGrantEndsTheSessionAndAuthorizesAgain() throws Exception {
        GitHubUser user = github.createUser("reconnect-" + System.nanoTime());
        GitHubSignIns.signIn(browser, github, user);
        String oldToken = browser.cookie("access_token").orElseThrow();
        int revocationsBefore = github.requests("DELETE", "/api/v3/applications/").size();

        HttpResponse<String> reconnect = browser.get("/auth/github/reconnect");

        assertEquals(302, reconnect.statusCode(), reconnect.body());
        assertTrue(location(reconnect).toString().startsWith(github.webUrl() + "/login/oauth/authorize?"));
        assertEquals(revocationsBefore + 1, github.requests("DELETE", "/api/v3/applications/").size());
        assertTrue(github.liveTokens(user).isEmpty(), "the grant was revoked at GitHub");
        assertTrue(Browser.setCookieHeader(reconnect, "access_token").orElseThrow().contains("Max-Age=0"));
        assertRefused(new Browser(browser.base()).get("/auth/me", "Authorization", "Bearer " + oldToken),
                "Invalid or expired token");

        github.signInAs(user);
        HttpResponse<String> back = browser.get(location(reconnect).toString());
        HttpResponse<String> done = browser.get(GitHubSignIns.callbackPath(back), "Accept", Browser.HTML);
        assertEquals("http://localhost:8080/", location(done).toString());
        assertEquals(200, browser.get("/auth/me").statusCode());
    }

    @Test
    void reconnectGoesOnWhenGitHubCannotRevokeTheGrant() {
        GitHubUser user = github.createUser("reconnect-down-" + System.nanoTime());
        GitHubSignIns.signIn(browser, github, user);
        github.setOutage(Outage.SERVER_ERROR);

        HttpResponse<String> reconnect = browser.get("/auth/github/reconnect");

        github.reset();
        assertEquals(302, reconnect.statusCode(), reconnect.body());
        assertTrue(location(reconnect).toString().startsWith(github.webUrl() + "/login/oauth/authorize?"));
        assertEquals(401, browser.get("/auth/me").statusCode(), "the session ended all the same");
    }

    @Test
    void reconnectNeedsASignedInCaller() {
        assertRefused(browser.get("/auth/github/reconnect"), "Not authenticated");
    }

    @Test
    void scopesCompareWhatTheTokenHasWithWhatLatchkeyAsksFor() throws Exception {
        GitHubUser user = github.createUser("scopes-" + System.nanoTime());
        GitHubSignIns.signIn(browser, github, user);

        JsonObject scopes = json(browser.get("/auth/github/scopes"));

        assertEquals("[\"repo\",\"read:user\",\"user:email\",\"read:org\"]", scopes.getJsonArray("required").toString());
        assertEquals(scopes.getJsonArray("required"), scopes.getJsonArray("granted"));
        assertEquals(0, scopes.getJsonArray("missing").size());
    }

    private String landing(GitHubUser user, String redirect) {
        Browser fresh = new Browser(browser.base());
        String callback = GitHubSignIns.authorize(fresh, github, user, "/auth/github?redirect=" + redirect);
        HttpResponse<String> done = fresh.get(callback, "Accept", Browser.HTML);
        assertEquals(302, done.statusCode(), done.body());
        return location(done).toString();
    }

    /** Signs in with {@code storedPath} written into the state row, as an older Latchkey could have stored it. */
    private String landingWithStored(GitHubUser user, String storedPath) throws Exception {
        Browser fresh = new Browser(browser.base());
        String callback = GitHubSignIns.authorize(fresh, github, user, "/auth/github");
        TestDatabase.update("UPDATE oauth_states SET redirect_path = ? WHERE state_hash = ?", storedPath,
                sha256(query(URI.create(callback)).get("state")));
        HttpResponse<String> done = fresh.get(callback, "Accept", Browser.HTML);
        assertEquals(302, done.statusCode(), done.body());
        return location(done).toString();
    }

    static void assertRefused(HttpResponse<String> response, String detail) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(detail, json(response).getString("detail"));
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0],
                        pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8)));
    }

    static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
