package dev.latchkey.it;

import static dev.latchkey.it.GitHubSignIns.location;
import static dev.latchkey.it.GitHubSignInIT.assertRefused;
import static dev.latchkey.it.GitHubSignInIT.json;
import static dev.latchkey.it.PasswordSignInIT.PASSWORD;
import static dev.latchkey.it.PasswordSignInIT.assertProblem;
import static dev.latchkey.it.PasswordSignInIT.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.crypto.KeyDerivation;
import dev.latchkey.crypto.TokenCipher;
import dev.latchkey.testing.github.Email;
import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import dev.latchkey.testing.github.Outage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One person, one account: linking GitHub to a password account, listing and unlinking sign-in methods, leaving.
 */
@ExtendWith(ArquillianExtension.class)
class AccountsIT {

    private static final String TOKEN_REVOCATIONS = "/api/v3/applications/" + LatchkeyDeployment.CLIENT_ID + "/token";

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
    void linkingGitHubJoinsItToThePasswordAccountWithoutANewUser() throws Exception {
        String email = "Linker-" + System.nanoTime() + "@Example.com";
        long id = json(register(browser, email, PASSWORD, "")).getJsonObject("user").getJsonNumber("id").longValue();
        long usersBefore = TestDatabase.count("SELECT COUNT(*) FROM users");
        GitHubUser octocat = github.createUser("linked-" + System.nanoTime());

        // (1) Signed in, start linking; (2) GitHub approves; (3) the callback links and signs in like a sign-in
        String callback = GitHubSignIns.authorize(browser, github, octocat,
                "/auth/github?link=true&redirect=/settings");
        HttpResponse<String> done = browser.get(callback, "Accept", Browser.HTML);

        assertEquals(302, done.statusCode(), done.body());
        assertEquals("http://localhost:8080/settings", location(done).toString());
        JsonObject me = json(browser.get("/auth/me"));
        assertEquals(id, me.getJsonNumber("id").longValue());
        assertEquals(octocat.id(), me.getJsonNumber("github_id").longValue());
        assertEquals(octocat.login(), me.getString("github_username"));
        // The account keeps its email, which GitHub did not verify; GitHub's address is kept beside it.
        assertEquals(email, me.getString("email"));
        assertFalse(me.getBoolean("email_verified"));
        assertEquals(octocat.email(), TestDatabase.value("SELECT github_email FROM users WHERE id = ?", id));
        assertEquals(usersBefore, TestDatabase.count("SELECT COUNT(*) FROM users"), "no new user");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM github_tokens WHERE user_id = ?", id));

        // (4) Both ways in are listed, and GitHub sign-in now reaches the same account.
        JsonObject accounts = json(browser.get("/auth/accounts"));
        JsonObject gitHub = accounts.getJsonArray("accounts").getJsonObject(0);
        assertEquals("github", gitHub.getString("provider"));
        assertEquals(octocat.login(), gitHub.getString("login"));
        assertEquals(octocat.email(), gitHub.getString("email"));
        assertEquals("[\"repo\",\"read:user\",\"user:email\",\"read:org\"]", gitHub.getJsonArray("scopes").toString());
        assertEquals("password", accounts.getJsonArray("accounts").getJsonObject(1).getString("provider"));
        assertEquals(email.toLowerCase(), accounts.getJsonArray("accounts").getJsonObject(1).getString("email"));
        Browser laptop = new Browser(browser.base());
        GitHubSignIns.signIn(laptop, github, octocat);
        JsonObject viaGitHub = json(laptop.get("/auth/me"));
        assertEquals(id, viaGitHub.getJsonNumber("id").longValue());
        assertEquals(email, viaGitHub.getString("email"), "signing in with GitHub keeps the account's email too");

        // (5) A second GitHub account does not replace the first.
        GitHubUser second = github.createUser("second-" + System.nanoTime());
        String another = GitHubSignIns.authorize(browser, github, second, "/auth/github?link=true");
        assertProblem(browser.get(another), 400,
                "Another GitHub account is already linked to your account; unlink it first");
        assertEquals(octocat.id(), json(browser.get("/auth/me")).getJsonNumber("github_id").longValue());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", second.id()));
    }

    @Test
    void anAccountEmailThatGitHubVerifiedInAnotherLetterCaseCountsAsVerifiedAndIsKeptAsTyped() throws Exception {
        String suffix = Long.toString(System.nanoTime());
        String email = "Same-" + suffix + "@Example.com";
        long id = json(register(browser, email, PASSWORD, "")).getJsonObject("user").getJsonNumber("id").longValue();
        assertFalse(json(browser.get("/auth/me")).getBoolean("email_verified"), "a registration proves nothing");
        GitHubUser octocat = github.createUser("same-" + suffix)
                .withEmails(List.of(Email.primary("same-" + suffix + "@example.COM")));
        github.update(octocat);

        String callback = GitHubSignIns.authorize(browser, github, octocat, "/auth/github?link=true");
        assertEquals(302, browser.get(callback, "Accept", Browser.HTML).statusCode());

        JsonObject me = json(browser.get("/auth/me"));
        assertEquals(id, me.getJsonNumber("id").longValue());
        assertEquals(email, me.getString("email"));
        assertTrue(me.getBoolean("email_verified"));
        assertEquals("same-" + suffix + "@example.COM", json(browser.get("/auth/accounts")).getJsonArray("accounts")
                .getJsonObject(0).getString("email"));

        // Unlinked, nothing vouches for the address any more.
        assertEquals(200, browser.send("DELETE", "/auth/accounts/github").statusCode());
        JsonObject unlinked = json(browser.get("/auth/me"));
        assertEquals(email, unlinked.getString("email"));
        assertFalse(unlinked.getBoolean("email_verified"));
    }

    @Test
    void linkingNeedsASignedInUser() {
        assertRefused(browser.get("/auth/github?link=true"), "Not authenticated");
    }

    @Test
    void aGitHubAccountOfAnotherUserIsNotLinkedAndNothingChanges() throws Exception {
        GitHubUser taken = github.createUser("taken-" + System.nanoTime());
        Browser owner = new Browser(browser.base());
        GitHubSignIns.signIn(owner, github, taken);
        long ownerId = json(owner.get("/auth/me")).getJsonNumber("id").longValue();
        long id = registered(browser, "claimer");
        String session = browser.cookie("access_token").orElseThrow();

        String callback = GitHubSignIns.authorize(browser, github, taken, "/auth/github?link=true");
        HttpResponse<String> refused = browser.get(callback, "Accept", Browser.HTML);

        assertEquals(302, refused.statusCode(), refused.body());
        assertEquals("http://localhost:8080/?error=github_already_linked", location(refused).toString());
        assertEquals(session, browser.cookie("access_token").orElseThrow(), "still signed in as before");
        assertEquals(JsonValue.NULL, json(browser.get("/auth/me")).get("github_id"));
        assertEquals(ownerId, TestDatabase.value("SELECT id FROM users WHERE github_id = ?", taken.id()));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM github_tokens WHERE user_id = ?", id));
        assertEquals(200, owner.get("/auth/me").statusCode());

        // A script (no text/html) is told why.
        String again = GitHubSignIns.authorize(browser, github, taken, "/auth/github?link=true");
        assertProblem(browser.get(again), 400, "This GitHub account is already linked to another user");
    }

    @Test
    void gitHubSignInNeverJoinsAPasswordAccountBecauseTheEmailsMatch() throws Exception {
        GitHubUser octocat = github.createUser("same-email-" + System.nanoTime());
        long passwordUser = json(register(browser, octocat.email(), PASSWORD, "")).getJsonObject("user")
                .getJsonNumber("id").longValue();

        Browser other = new Browser(browser.base());
        GitHubSignIns.signIn(other, github, octocat);

        JsonObject me = json(other.get("/auth/me"));
        assertNotEquals(passwordUser, me.getJsonNumber("id").longValue());
        assertEquals(octocat.email(), me.getString("email"));
        assertTrue(me.getBoolean("email_verified"));
        JsonObject passwordMe = json(browser.get("/auth/me"));
        assertEquals(JsonValue.NULL, passwordMe.get("github_id"));
        assertFalse(passwordMe.getBoolean("email_verified"), "the same address, registered: nobody verified it");
    }

    @Test
    void unlinkingGitHubRevokesItsTokenUnlessItIsTheOnlyWayIn() throws Exception {
        long id = registered(browser, "unlinker");
        GitHubUser octocat = linkNewGitHubUser(browser);
        int revocations = github.requests("DELETE", TOKEN_REVOCATIONS).size();

        HttpResponse<String> unlinked = browser.send("DELETE", "/auth/accounts/github");

        assertEquals(200, unlinked.statusCode(), unlinked.body());
        assertEquals(revocations + 1, github.requests("DELETE", TOKEN_REVOCATIONS).size());
        assertTrue(github.liveTokens(octocat).isEmpty(), "the token was revoked at GitHub");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM github_tokens WHERE user_id = ?", id));
        assertEquals(JsonValue.NULL, json(browser.get("/auth/me")).get("github_id"));
        assertEquals("password", json(browser.get("/auth/accounts")).getJsonArray("accounts").getJsonObject(0)
                .getString("provider"));
        assertProblem(browser.send("DELETE", "/auth/accounts/github"), 404, "No GitHub account is linked to this user");

        Browser gitHubOnly = new Browser(browser.base());
        GitHubSignIns.signIn(gitHubOnly, github, github.createUser("only-" + System.nanoTime()));
        assertProblem(gitHubOnly.send("DELETE", "/auth/accounts/github"), 409,
                "GitHub is the only way to sign in to this account, so it cannot be unlinked");
        assertProblem(gitHubOnly.post("/auth/password", "{\"current_password\":\"whatever1\","
                + "\"new_password\":\"whatever2\"}"), 400, "This account has no password");
    }

    @Test
    void leavingDeletesAGitHubUsersRowsRevokesTheTokenAndRefusesEverySession() throws Exception {
        GitHubUser octocat = github.createUser("leaver-" + System.nanoTime());
        GitHubSignIns.signIn(browser, github, octocat);
        long id = json(browser.get("/auth/me")).getJsonNumber("id").longValue();
        Browser phone = new Browser(browser.base());
        GitHubSignIns.signIn(phone, github, octocat);
        String token = new TokenCipher(KeyDerivation.fernetKey(LatchkeyDeployment.SECRET_KEY)).decrypt((String)
                TestDatabase.value("SELECT access_token FROM github_tokens WHERE user_id = ?", id)).value();

        HttpResponse<String> deleted = deleteAccount(browser, null);

        assertEquals(200, deleted.statusCode(), deleted.body());
        assertTrue(json(deleted).getBoolean("ok"));
        assertTrue(Browser.setCookieHeader(deleted, "access_token").orElseThrow().contains("Max-Age=0"));
        assertTrue(github.requests("DELETE", TOKEN_REVOCATIONS).stream()
                .anyMatch(request -> request.getBodyAsString().contains(token)), "the stored token was revoked");
        assertTrue(github.liveTokens(octocat).stream().noneMatch(token::equals));
        for (String table : new String[] {"users WHERE id", "sessions WHERE user_id", "github_tokens WHERE user_id"}) {
            assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM " + table + " = ?", id), table);
        }
        assertEquals(401, phone.get("/auth/me").statusCode(), "the other device's session is refused");
        assertEquals(401, browser.get("/auth/me").statusCode());
    }

    @Test
    void aGitHubOnlyUserWhoseSessionIsOlderThanTenMinutesMustSignInAgain() throws Exception {
        GitHubUser octocat = github.createUser("stale-" + System.nanoTime());
        GitHubSignIns.signIn(browser, github, octocat);
        TestDatabase.update("UPDATE sessions SET created_at = ? WHERE user_id = (SELECT id FROM users "
                + "WHERE github_id = ?)", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(11), octocat.id());

        assertProblem(deleteAccount(browser, null), 403, "Please sign in again to confirm deleting your account");
        assertEquals(200, browser.get("/auth/me").statusCode());
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", octocat.id()));

        GitHubSignIns.signIn(browser, github, octocat);
        assertEquals(200, deleteAccount(browser, null).statusCode());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", octocat.id()));
    }

    @Test
    void aUserWithAPasswordConfirmsLeavingWithItEvenWhenGitHubIsDown() throws Exception {
        String email = "leaving-" + System.nanoTime() + "@example.com";
        long id = json(register(browser, email, PASSWORD, "")).getJsonObject("user").getJsonNumber("id").longValue();
        GitHubUser octocat = linkNewGitHubUser(browser);

        assertProblem(deleteAccount(browser, null), 400, "Enter your password to confirm deleting your account");
        assertProblem(deleteAccount(browser, "{\"password\":\"not my password\"}"), 403, "Invalid credentials");
        github.setOutage(Outage.SERVER_ERROR);
        HttpResponse<String> deleted = deleteAccount(browser, "{\"password\":\"" + PASSWORD + "\"}");
        github.reset();

        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM users WHERE id = ?", id));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM password_credentials WHERE user_id = ?", id));
        assertProblem(PasswordSignInIT.login(new Browser(browser.base()), email, PASSWORD), 401,
                "Invalid credentials");
        Browser again = new Browser(browser.base());
        GitHubSignIns.signIn(again, github, octocat);
        assertNotEquals(id, json(again.get("/auth/me")).getJsonNumber("id").longValue(), "GitHub starts afresh");
    }

    @Test
    void aSessionOlderThanTenMinutesMustSignInAgainToLinkGitHub() throws Exception {
        String email = "stale-linker-" + System.nanoTime() + "@example.com";
        long id = json(register(browser, email, PASSWORD, "")).getJsonObject("user").getJsonNumber("id").longValue();
        TestDatabase.update("UPDATE sessions SET created_at = ? WHERE user_id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(11), id);

        // (1) A script is told why; a browser goes back to the frontend, which asks for the password.
        assertProblem(browser.get("/auth/github?link=true"), 403, "Sign in again to link GitHub");
        HttpResponse<String> toFrontend = browser.get("/auth/github?link=true&redirect=/account.html",
                "Accept", Browser.HTML);
        assertEquals(302, toFrontend.statusCode(), toFrontend.body());
        assertEquals("http://localhost:8080/?error=sign_in_again", location(toFrontend).toString());

        // (2) Nothing was started or linked, and the user is still signed in.
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM oauth_states WHERE link_user_id = ?", id));
        assertEquals(JsonValue.NULL, json(browser.get("/auth/me")).get("github_id"));

        // (3) Signing in again lets the link go through.
        assertEquals(200, PasswordSignInIT.login(browser, email, PASSWORD).statusCode());
        GitHubUser octocat = linkNewGitHubUser(browser);
        assertEquals(octocat.id(), json(browser.get("/auth/me")).getJsonNumber("github_id").longValue());
    }

    @Test
    void linkingEndsTheSessionThatAskedForItAsTheNewOneBegins() throws Exception {
        long id = registered(browser, "one-session");
        String asking = browser.cookie("access_token").orElseThrow();

        GitHubUser octocat = linkNewGitHubUser(browser);

        String linked = browser.cookie("access_token").orElseThrow();
        assertNotEquals(asking, linked);
        assertRefused(new Browser(browser.base()).asScript().get("/auth/me", "Authorization", "Bearer " + asking),
                "Invalid or expired token");
        assertEquals(octocat.id(), json(browser.get("/auth/me")).getJsonNumber("github_id").longValue());
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL",
                id), "one session for this browser, not two");
    }

    @Test
    void aLinkWhoseSessionWasEndedMeanwhileIsRefusedBeforeTheCodeIsExchanged() throws Exception {
        String email = "victim-" + System.nanoTime() + "@example.com";
        long id = json(register(browser, email, PASSWORD, "")).getJsonObject("user").getJsonNumber("id").longValue();
        Browser owner = new Browser(browser.base());
        assertEquals(200, PasswordSignInIT.login(owner, email, PASSWORD).statusCode());

        // (1) A thief's browser starts linking their own GitHub account and GitHub approves...
        GitHubUser thief = github.createUser("thief-" + System.nanoTime());
        String callback = GitHubSignIns.authorize(browser, github, thief, "/auth/github?link=true");
        // (2) ...but the owner ends every other session first.
        assertEquals(1, json(owner.post("/auth/sessions/revoke-others", "")).getInt("revoked"));
        int exchanges = github.requests("POST", "/login/oauth/access_token").size();

        HttpResponse<String> refused = browser.get(callback, "Accept", Browser.HTML);

        assertEquals(302, refused.statusCode(), refused.body());
        assertEquals("http://localhost:8080/?error=sign_in_again", location(refused).toString());
        assertEquals(exchanges, github.requests("POST", "/login/oauth/access_token").size(), "no code exchanged");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", thief.id()));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM github_tokens WHERE user_id = ?", id));
        assertEquals(JsonValue.NULL, json(owner.get("/auth/me")).get("github_id"));
        assertEquals(401, browser.get("/auth/me").statusCode(), "no session for the thief");
    }

    @Test
    void securingTheAccountRecordsWhichGitHubAccountIsLinked() throws Exception {
        String email = "securing-" + System.nanoTime() + "@example.com";
        long id = json(register(browser, email, PASSWORD, "")).getJsonObject("user").getJsonNumber("id").longValue();
        String newPassword = "another horse battery staple";
        assertEquals(200, browser.post("/auth/password", "{\"current_password\":\"" + PASSWORD
                + "\",\"new_password\":\"" + newPassword + "\"}").statusCode());
        assertEquals("{\"github_login\":null}", Operators.auditDetail("password_changed", id), "none linked");
        GitHubUser linked = linkNewGitHubUser(browser);
        assertEquals(200, PasswordSignInIT.login(new Browser(browser.base()), email, newPassword).statusCode());

        // (1) Ending the other sessions, then (2) changing the password, name the GitHub account linked now.
        assertEquals(1, json(browser.post("/auth/sessions/revoke-others", "")).getInt("revoked"));
        assertEquals(200, browser.post("/auth/password", "{\"current_password\":\"" + newPassword
                + "\",\"new_password\":\"" + PASSWORD + "\"}").statusCode());

        assertEquals("{\"count\":1,\"github_login\":\"" + linked.login() + "\"}",
                Operators.auditDetail("session_ended", id));
        // (3) The user sees it in their own activity.
        JsonObject changed = json(browser.get("/auth/audit?type=password_changed")).getJsonArray("events")
                .getJsonObject(0);
        assertEquals(linked.login(), changed.getJsonObject("detail").getString("github_login"));
    }

    @Test
    void aConfirmationBodyOver8KiBIsRefusedUnreadAndAWrongPasswordIsAudited() throws Exception {
        String email = "bulky-" + System.nanoTime() + "@example.com";
        long id = json(register(browser, email, PASSWORD, "")).getJsonObject("user").getJsonNumber("id").longValue();

        // (1) The right password, padded past the 8 KiB every JSON body shares: refused, nothing deleted
        String padded = "{\"password\":\"" + PASSWORD + "\",\"padding\":\"" + "x".repeat(9 * 1024) + "\"}";
        assertProblem(deleteAccount(browser, padded), 413, "The request body is too large.");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM users WHERE id = ?", id));
        assertEquals(200, browser.get("/auth/me").statusCode());

        // (2) A wrong password is recorded where the user sees it
        assertProblem(deleteAccount(browser, "{\"password\":\"not my password\"}"), 403, "Invalid credentials");
        JsonObject refused = json(browser.get("/auth/audit?type=password_confirmation_failed"))
                .getJsonArray("events").getJsonObject(0);
        assertEquals("delete_account", refused.getJsonObject("detail").getString("purpose"));
        assertEquals(403, refused.getJsonObject("detail").getInt("status"));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM audit_events WHERE type = "
                + "'password_confirmation_failed' AND target_user_id = ?", id));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM users WHERE id = ?", id));

        // (3) A body of the wrong type, and then the right password
        assertEquals(415, HttpClient.newHttpClient().send(HttpRequest.newBuilder(browser.base().resolve("/auth/account"))
                .header("Cookie", "access_token=" + browser.cookie("access_token").orElseThrow())
                .header("Origin", "http://localhost:8080").header("Content-Type", "text/plain")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, deleteAccount(browser, "{\"password\":\"" + PASSWORD + "\"}").statusCode());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM users WHERE id = ?", id));
    }

    private long registered(Browser browser, String prefix) {
        HttpResponse<String> answer = register(browser, prefix + "-" + System.nanoTime() + "@example.com",
                PASSWORD, "");
        assertEquals(201, answer.statusCode(), answer.body());
        return json(answer).getJsonObject("user").getJsonNumber("id").longValue();
    }

    private GitHubUser linkNewGitHubUser(Browser browser) {
        GitHubUser octocat = github.createUser("link-" + System.nanoTime());
        String callback = GitHubSignIns.authorize(browser, github, octocat, "/auth/github?link=true");
        HttpResponse<String> done = browser.get(callback, "Accept", Browser.HTML);
        assertEquals(302, done.statusCode(), done.body());
        assertEquals("http://localhost:8080/", location(done).toString());
        return octocat;
    }

    /** DELETE /auth/account from Latchkey's own page, with the browser's session cookie and, when given, a body. */
    static HttpResponse<String> deleteAccount(Browser browser, String jsonOrNull)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(browser.base().resolve("/auth/account"))
                .header("Cookie", "access_token=" + browser.cookie("access_token").orElseThrow())
                .header("Origin", "http://localhost:8080");
        if (jsonOrNull == null) {
            request.DELETE();
        } else {
            request.header("Content-Type", "application/json")
                    .method("DELETE", HttpRequest.BodyPublishers.ofString(jsonOrNull));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
