package dev.latchkey.it;

import static dev.latchkey.it.Operators.assertProblem;
import static dev.latchkey.it.Operators.auditDetail;
import static dev.latchkey.it.Operators.auditRows;
import static dev.latchkey.it.Operators.id;
import static dev.latchkey.it.Operators.json;
import static dev.latchkey.it.Operators.me;
import static dev.latchkey.it.Operators.newUser;
import static dev.latchkey.it.Operators.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.Email;
import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Operators run Latchkey: the first admin comes from configuration, admins find users and change their roles, a
 * role change reaches live sessions at once, and the last admin stays.
 */
@ExtendWith(ArquillianExtension.class)
class AdminIT {

    static final String ROOT = "root-admin-" + Long.toString(System.nanoTime(), 36);
    static final String BANNED =
            "You have been banned from this application. Please contact support if you believe this is an error.";
    static final String BOSS = "Boss-" + Long.toString(System.nanoTime(), 36) + "@Example.com";
    static final String CHIEF = "chief-" + Long.toString(System.nanoTime(), 36) + "@example.com";
    static final String GIVEN_UP = "given-up-" + Long.toString(System.nanoTime(), 36);
    /** A listed login and a listed address that a password account's GitHub account showed once, then gave up. */
    static final String CAROL = "carol-" + Long.toString(System.nanoTime(), 36);
    static final String BOUND = "bound-" + Long.toString(System.nanoTime(), 36);
    static final String STALE = "stale-" + Long.toString(System.nanoTime(), 36) + "@example.com";
    static final String PASSWORD = "mallory-password-1";
    /** The GitHub account configured by its numeric id, and the one that holds ROOT for the whole class. */
    static final GitHubUser BY_ID = LatchkeyDeployment.github().createUser("by-id-" + System.nanoTime());
    static final GitHubUser ROOT_USER = LatchkeyDeployment.github().createUser(ROOT);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.withSettings(Map.of(
                "ADMIN_GITHUB_LOGINS", "someone-else, " + ROOT.toUpperCase() + "," + GIVEN_UP + "," + CAROL
                        + "," + BOUND,
                "ADMIN_GITHUB_IDS", " 1, " + BY_ID.id(),
                "ADMIN_EMAILS", BOSS.toLowerCase() + "," + CHIEF + "," + STALE, "BCRYPT_COST", "4"));
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();
    private URI base;

    @BeforeEach
    void reset() throws Exception {
        github.reset();
        base = url.toURI();
    }

    private Browser admin() {
        return signedIn(base, github, ROOT_USER);
    }

    @Test
    void aConfiguredGitHubLoginBecomesAdminWhenSigningInAndIsBoundToThatAccount() throws Exception {
        Browser admin = admin();

        JsonObject me = me(admin);
        assertEquals("admin", me.getString("role"));
        assertEquals(200, admin.get("/admin/users").statusCode());
        long id = me.getJsonNumber("id").longValue();
        assertTrue(auditDetail("role_changed", id).contains("configuration"));
        // The binding lives in the database, so a restart or another node keeps it.
        assertEquals(ROOT_USER.id(), ((Number) TestDatabase.value(
                "SELECT github_id FROM admin_github_logins WHERE github_login = ?", ROOT.toLowerCase())).longValue());
    }

    @Test
    void aListedLoginGivenUpOnGitHubDoesNotMakeItsNextHolderAdminByTheWebFlowOrAToken() throws Exception {
        // (1) The listed login's first account signs in and becomes admin; then it renames itself on GitHub.
        GitHubUser original = github.createUser(GIVEN_UP);
        Browser first = signedIn(base, github, original);
        assertEquals("admin", me(first).getString("role"));
        GitHubUser renamed = original.withLogin(GIVEN_UP + "-renamed");
        github.update(renamed);

        // (2) Another GitHub account takes the freed login, in another letter case, and signs in both ways.
        GitHubUser taker = github.createUser(GIVEN_UP.toUpperCase());
        Browser web = signedIn(base, github, taker);
        JsonObject takerMe = me(web);
        assertEquals("user", takerMe.getString("role"));
        assertProblem(web.get("/admin/users"), 403, "You are not allowed to do this.");
        String pat = github.issueTokenWithPrefix(taker, "ghp_", "repo", "user:email");
        HttpResponse<String> script =
                new Browser(base).asScript().post("/auth/pat-signin", "{\"token\":\"" + pat + "\"}");
        assertEquals(200, script.statusCode(), script.body());
        assertEquals("user", json(script).getJsonObject("user").getString("role"));
        long takerId = takerMe.getJsonNumber("id").longValue();
        assertEquals(0, auditRows("role_changed", takerId));
        assertEquals(original.id(), ((Number) TestDatabase.value(
                "SELECT github_id FROM admin_github_logins WHERE github_login = ?", GIVEN_UP)).longValue());

        // (3) The first account, under its new login, is still the admin.
        assertEquals("admin", me(signedIn(base, github, renamed)).getString("role"));
    }

    @Test
    void aConfiguredGitHubIdBecomesAdminWhateverItsLogin() throws Exception {
        Browser byId = signedIn(base, github, BY_ID);
        JsonObject me = me(byId);
        assertEquals("admin", me.getString("role"));
        long id = me.getJsonNumber("id").longValue();
        assertTrue(auditDetail("role_changed", id).contains("\"setting\":\"ADMIN_GITHUB_IDS\""));

        TestDatabase.update("UPDATE users SET role = 'user' WHERE id = ?", id);
        GitHubUser renamed = BY_ID.withLogin(BY_ID.login() + "-renamed");
        assertEquals("admin", me(signedIn(base, github, renamed)).getString("role"), "again at the next sign-in");
    }

    @Test
    void aPasswordRegistrationOfAListedEmailNeverPromotesInAnyLetterCaseAndARoleInABodyIsIgnored() throws Exception {
        Browser boss = new Browser(base);
        HttpResponse<String> registered = PasswordSignInIT.register(boss, BOSS.toUpperCase(), "boss-password-1", "");
        assertEquals(201, registered.statusCode(), registered.body());
        JsonObject user = json(registered).getJsonObject("user");
        assertEquals("user", user.getString("role"), registered.body());
        assertFalse(user.getBoolean("email_verified"));
        assertProblem(boss.get("/admin/users"), 403, "You are not allowed to do this.");
        Browser again = new Browser(base);
        assertEquals(200, PasswordSignInIT.login(again, BOSS.toLowerCase(), "boss-password-1").statusCode());
        assertEquals("user", me(again).getString("role"), "nor does signing in with it");
        assertEquals(0, auditRows("role_changed", user.getJsonNumber("id").longValue()));

        Browser sneaky = new Browser(base);
        HttpResponse<String> sneakyAnswer = PasswordSignInIT.register(sneaky,
                "sneaky-" + System.nanoTime() + "@example.com", "sneaky-password", "\"role\":\"admin\",");
        assertEquals("user", json(sneakyAnswer).getJsonObject("user").getString("role"));
        assertProblem(sneaky.get("/admin/users"), 403, "You are not allowed to do this.");
    }

    @Test
    void aListedEmailPromotesOnlyWhenGitHubVerifiedIt() throws Exception {
        // (1) The listed address as the public profile email: GitHub shows only a verified address there.
        GitHubUser chief = github.createUser("chief-" + System.nanoTime()).withEmails(List.of(Email.primary(CHIEF)));
        JsonObject me = me(signedIn(base, github, chief));
        assertEquals("admin", me.getString("role"));
        assertTrue(me.getBoolean("email_verified"));
        assertTrue(auditDetail("role_changed", me.getJsonNumber("id").longValue()).contains("ADMIN_EMAILS"));

        // (2) Kept private: the primary verified address of /user/emails counts the same, in any letter case.
        GitHubUser hidden = github.createUser("boss-" + System.nanoTime())
                .withEmails(List.of(Email.primary(BOSS.toUpperCase()))).withPrivateEmail();
        JsonObject hiddenMe = me(signedIn(base, github, hidden));
        assertEquals("admin", hiddenMe.getString("role"));
        assertTrue(hiddenMe.getBoolean("email_verified"));

        // (3) Added on GitHub but never verified: not an admin.
        GitHubUser unverified = github.createUser("unverified-" + System.nanoTime()).withEmails(List.of(
                new Email("x-" + System.nanoTime() + "@example.com", true, true, "public"),
                new Email(CHIEF.toUpperCase(), false, false, null)));
        JsonObject unverifiedMe = me(signedIn(base, github, unverified));
        assertEquals("user", unverifiedMe.getString("role"));
        assertEquals(0, auditRows("role_changed", unverifiedMe.getJsonNumber("id").longValue()));
    }

    @Test
    void aPasswordSignInNeitherCountsNorBindsTheLoginStoredAtTheLastGitHubSignIn() throws Exception {
        // (1) Mallory registers with a password and links a GitHub account while it is named CAROL.
        String email = "mallory-" + System.nanoTime() + "@example.com";
        Browser mallory = new Browser(base);
        long malloryId = json(PasswordSignInIT.register(mallory, email, PASSWORD, "")).getJsonObject("user")
                .getJsonNumber("id").longValue();
        GitHubUser malloryGitHub = github.createUser(CAROL);
        link(mallory, malloryGitHub);
        assertEquals(CAROL, TestDatabase.value("SELECT github_login FROM users WHERE id = ?", malloryId));
        // The operator lists CAROL only later: at the link it was not listed, so it bound nothing and promoted nobody.
        TestDatabase.update("DELETE FROM admin_github_logins WHERE github_login = ?", CAROL);
        assertEquals(200, admin().post("/admin/users/" + malloryId + "/role", "{\"role\":\"user\"}").statusCode());

        // (2) Mallory renames the account on GitHub; the real Carol takes the login.
        github.update(malloryGitHub.withLogin(CAROL + "-renamed"));
        GitHubUser carol = github.createUser(CAROL);

        // (3) Mallory's password sign-in asks GitHub nothing, counts no stored login and binds nothing.
        long roleChanges = auditRows("role_changed", malloryId);
        int askedGitHub = github.requests(null, "/").size();
        HttpResponse<String> login = PasswordSignInIT.login(new Browser(base), email, PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        assertEquals("user", json(login).getJsonObject("user").getString("role"), login.body());
        assertEquals(askedGitHub, github.requests(null, "/").size(), "GitHub was not asked");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM admin_github_logins WHERE github_login = ?", CAROL));
        assertEquals(roleChanges, auditRows("role_changed", malloryId));

        // (4) Carol, described by GitHub, becomes admin and holds the login; Mallory's password stays a user's.
        JsonObject carolMe = me(signedIn(base, github, carol));
        assertEquals("admin", carolMe.getString("role"));
        assertTrue(auditDetail("role_changed", carolMe.getJsonNumber("id").longValue())
                .contains("\"setting\":\"ADMIN_GITHUB_LOGINS\""));
        assertEquals(carol.id(), ((Number) TestDatabase.value(
                "SELECT github_id FROM admin_github_logins WHERE github_login = ?", CAROL)).longValue());
        Browser again = new Browser(base);
        assertEquals(200, PasswordSignInIT.login(again, email, PASSWORD).statusCode());
        assertEquals("user", me(again).getString("role"));
    }

    @Test
    void aPasswordSignInKeepsHonouringALoginBindingMadeForTheSameGitHubId() throws Exception {
        // A password account links the GitHub account that first presents a listed login: bound and promoted.
        String email = "bound-" + System.nanoTime() + "@example.com";
        Browser owner = new Browser(base);
        long ownerId = json(PasswordSignInIT.register(owner, email, PASSWORD, "")).getJsonObject("user")
                .getJsonNumber("id").longValue();
        GitHubUser ownerGitHub = github.createUser(BOUND);
        link(owner, ownerGitHub);
        assertEquals("admin", me(owner).getString("role"));
        assertEquals(ownerGitHub.id(), ((Number) TestDatabase.value(
                "SELECT github_id FROM admin_github_logins WHERE github_login = ?", BOUND)).longValue());

        // Demoted, then signing in with the password: the stored id still holds the binding, so admin again.
        assertEquals(200, admin().post("/admin/users/" + ownerId + "/role", "{\"role\":\"user\"}").statusCode());
        HttpResponse<String> signedIn = PasswordSignInIT.login(new Browser(base), email, PASSWORD);
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        assertEquals("admin", json(signedIn).getJsonObject("user").getString("role"), signedIn.body());
    }

    @Test
    void anAddressGivenUpOnGitHubDoesNotPromoteAtAPasswordSignIn() throws Exception {
        // (1) A password account links a GitHub account whose verified address is listed: promoted, GitHub said so.
        String email = "former-" + System.nanoTime() + "@example.com";
        Browser former = new Browser(base);
        long formerId = json(PasswordSignInIT.register(former, email, PASSWORD, "")).getJsonObject("user")
                .getJsonNumber("id").longValue();
        GitHubUser formerGitHub = github.createUser("former-" + System.nanoTime()).withEmails(List.of(
                Email.primary(STALE)));
        link(former, formerGitHub);
        assertEquals("admin", me(former).getString("role"));
        assertEquals(STALE, TestDatabase.value("SELECT github_email FROM users WHERE id = ?", formerId));

        // (2) An admin demotes them, and the address leaves the GitHub account.
        assertEquals(200, admin().post("/admin/users/" + formerId + "/role", "{\"role\":\"user\"}").statusCode());
        github.update(formerGitHub.withEmails(List.of(Email.primary("elsewhere-" + System.nanoTime()
                + "@example.com"))));

        // (3) The address stored at the last GitHub sign-in does not promote a password sign-in.
        long roleChanges = auditRows("role_changed", formerId);
        Browser again = new Browser(base);
        HttpResponse<String> login = PasswordSignInIT.login(again, email, PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        assertEquals("user", json(login).getJsonObject("user").getString("role"), login.body());
        assertProblem(again.get("/admin/users"), 403, "You are not allowed to do this.");
        assertEquals(roleChanges, auditRows("role_changed", formerId));
    }

    private static void link(Browser browser, GitHubUser gitHubUser) {
        String callback = GitHubSignIns.authorize(browser, LatchkeyDeployment.github(), gitHubUser,
                "/auth/github?link=true");
        HttpResponse<String> linked = browser.get(callback, "Accept", Browser.HTML);
        assertEquals(302, linked.statusCode(), linked.body());
        assertFalse(GitHubSignIns.location(linked).toString().contains("error="), linked.headers().toString());
    }

    @Test
    void theAdminApiRefusesStrangersAndUsersAndNamesBadIds() {
        Browser admin = admin();
        Browser user = newUser(base, github, "plain");

        for (String path : new String[] {"/admin/users", "/admin/users/1", "/admin/audit"}) {
            GitHubSignInIT.assertRefused(new Browser(base).get(path), "Not authenticated");
            assertProblem(user.get(path), 403, "You are not allowed to do this.");
        }
        assertProblem(user.post("/admin/users/" + id(user) + "/role", "{\"role\":\"admin\"}"), 403,
                "You are not allowed to do this.");
        assertProblem(admin.get("/admin/users/abc"), 400, "Malformed user id: expected a number");
        assertProblem(admin.post("/admin/users/1x/ban", "{}"), 400, "Malformed user id: expected a number");
        assertProblem(admin.get("/admin/users/999999999999"), 404, "User not found");
        assertProblem(admin.send("DELETE", "/admin/users/999999999999/sessions"), 404, "User not found");
        assertEquals("user", me(user).getString("role"), "nothing changed");
    }

    @Test
    void aRoleChangeReachesTheUsersLiveSessionAtOnce() throws Exception {
        Browser admin = admin();
        Browser user = newUser(base, github, "promoted");
        long userId = id(user);
        assertEquals(403, user.get("/admin/users").statusCode());

        HttpResponse<String> promoted = admin.post("/admin/users/" + userId + "/role", "{\"role\":\"admin\"}");
        assertEquals("admin", json(promoted).getString("role"), promoted.body());
        assertEquals(200, user.get("/admin/users").statusCode(), "same session, new role");

        admin.post("/admin/users/" + userId + "/role", "{\"role\":\"user\"}");
        assertProblem(user.get("/admin/users"), 403, "You are not allowed to do this.");
        assertTrue(auditDetail("role_changed", userId).contains("\"from\":\"admin\",\"to\":\"user\""));
        assertEquals(id(admin), ((Number) TestDatabase.value("SELECT actor_user_id FROM audit_events "
                + "WHERE type = 'role_changed' AND target_user_id = ? ORDER BY id DESC", userId)).longValue());
        assertProblem(admin.post("/admin/users/" + userId + "/role", "{\"role\":\"root\"}"), 400,
                "role must be \"user\" or \"admin\"");
        assertProblem(admin.post("/admin/users/" + userId + "/role", "[1]"), 400,
                "The request body must be a JSON object: {\"role\": \"user\" or \"admin\"}");
    }

    @Test
    void theLastAdminCannotDemoteThemselves() throws Exception {
        Browser admin = admin();
        long adminId = id(admin);
        TestDatabase.update("UPDATE users SET role = 'user' WHERE role = 'admin' AND id <> ?", adminId);

        assertProblem(admin.post("/admin/users/" + adminId + "/role", "{\"role\":\"user\"}"), 409,
                "This is the last admin: make someone else an admin first");
        assertProblem(admin.post("/admin/users/" + adminId + "/ban", "{}"), 400, "You cannot ban yourself");
        assertEquals("admin", me(admin).getString("role"));

        Browser deputy = newUser(base, github, "deputy");
        admin.post("/admin/users/" + id(deputy) + "/role", "{\"role\":\"admin\"}");
        assertEquals(200, admin.post("/admin/users/" + adminId + "/role", "{\"role\":\"user\"}").statusCode());
        assertEquals(403, admin.get("/admin/users").statusCode());
        assertProblem(deputy.post("/admin/users/" + id(deputy) + "/role", "{\"role\":\"user\"}"), 409,
                "This is the last admin: make someone else an admin first");
    }

    @Test
    void adminsFindUsersAndSeeTheirSignInMethodsAndSessions() {
        Browser admin = admin();
        GitHubUser octo = github.createUser("findme-" + System.nanoTime()).withName("Zed Findable");
        Browser user = signedIn(base, github, octo);
        signedIn(base, github, octo);
        long userId = id(user);

        JsonObject found = json(admin.get("/admin/users?query=" + octo.login().substring(0, 14).toUpperCase()));
        assertTrue(found.getJsonArray("users").stream().anyMatch(u -> u.asJsonObject().getJsonNumber("id")
                .longValue() == userId), found.toString());
        JsonObject byName = json(admin.get("/admin/users?query=zed%20findable&size=1&page=1"));
        assertEquals(1, byName.getJsonArray("users").size());
        assertEquals(1, byName.getInt("size"));
        assertEquals(0, json(admin.get("/admin/users?query=%25_nobody_%25")).getJsonArray("users").size());
        assertProblem(admin.get("/admin/users?size=1000"), 400, "size must be a whole number from 1 to 200");

        JsonObject detail = json(admin.get("/admin/users/" + userId));
        assertEquals(octo.login(), detail.getString("github_username"));
        assertTrue(detail.getBoolean("email_verified"));
        assertEquals("github", detail.getJsonArray("accounts").getJsonObject(0).getString("provider"));
        assertEquals(octo.email(), detail.getJsonArray("accounts").getJsonObject(0).getString("email"));
        assertTrue(found.getJsonArray("users").getJsonObject(0).containsKey("email_verified"));
        assertEquals(2, detail.getJsonArray("sessions").size());
        assertTrue(detail.isNull("ban"));
        assertFalse(detail.toString().contains("gho_"), "no token shown");
    }

    @Test
    void adminsEndAUsersSessionsAndDeleteUsers() throws Exception {
        Browser admin = admin();
        Browser user = newUser(base, github, "doomed");
        long userId = id(user);

        JsonObject ended = json(admin.send("DELETE", "/admin/users/" + userId + "/sessions"));
        assertEquals(1, ended.getInt("revoked"));
        GitHubSignInIT.assertRefused(user.get("/auth/me"), "Invalid or expired token");
        assertEquals(1, auditRows("session_ended", userId));

        Browser again = newUser(base, github, "deleted");
        long deletedId = id(again);
        int revocationsBefore = github.requests("DELETE", "/api/v3/applications/").size();
        assertEquals(200, admin.send("DELETE", "/admin/users/" + deletedId).statusCode());
        GitHubSignInIT.assertRefused(again.get("/auth/me"), "User not found");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM users WHERE id = ?", deletedId));
        assertEquals(revocationsBefore + 1, github.requests("DELETE", "/api/v3/applications/").size());
        assertEquals(1, auditRows("account_deleted", deletedId));
        assertProblem(admin.send("DELETE", "/admin/users/" + id(admin)), 400,
                "You cannot delete your own account here: use DELETE /auth/account");
    }

    @Test
    void aBanEndsEverySessionAndRefusesEverySignInWithTheReason() throws Exception {
        Browser admin = admin();
        GitHubUser octo = github.createUser("banned-" + System.nanoTime());
        Browser laptop = signedIn(base, github, octo);
        long userId = id(laptop);
        String pat = github.issueTokenWithPrefix(octo, "ghp_", "repo", "user:email");
        Browser script = new Browser(base).asScript();
        assertEquals(200, script.post("/auth/pat-signin", "{\"token\":\"" + pat + "\"}").statusCode());

        JsonObject banned = json(admin.post("/admin/users/" + userId + "/ban", "{\"reason\":\"Spamming reviews\"}"));
        assertEquals("Spamming reviews", banned.getJsonObject("ban").getString("reason"));
        String message = BANNED + " Reason: Spamming reviews";

        // (1) Every session ends, and every request with one of its tokens says why
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL",
                userId));
        assertProblem(laptop.get("/auth/me"), 403, message);
        assertProblem(script.get("/auth/sessions"), 403, message);
        assertProblem(laptop.get("/auth/providers"), 403, message);
        // (2) GitHub sign-in: a browser comes back with ?error=banned and no session, a script gets the message
        HttpResponse<String> browserSignIn = GitHubSignIns.signIn(new Browser(base), github, octo);
        assertTrue(GitHubSignIns.location(browserSignIn).toString().endsWith("?error=banned"));
        assertTrue(Browser.setCookieHeader(browserSignIn, "access_token").isEmpty());
        Browser api = new Browser(base);
        assertProblem(api.get(GitHubSignIns.authorize(api, github, octo, "/auth/github")), 403, message);
        // (3) Personal access token sign-in
        assertProblem(new Browser(base).asScript().post("/auth/pat-signin", "{\"token\":\"" + pat + "\"}"), 403,
                message);
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL",
                userId));
        assertEquals(1, auditRows("user_banned", userId));
        assertEquals(3, auditRows("sign_in_failed", userId));
        assertTrue(auditDetail("sign_in_failed", userId).contains("\"reason\":\"banned\""));

        // (4) Unbanned, GitHub sign-in works again
        assertTrue(json(admin.post("/admin/users/" + userId + "/unban", "")).isNull("ban"));
        assertEquals(userId, id(signedIn(base, github, octo)));
        assertEquals(1, auditRows("user_unbanned", userId));
    }

    @Test
    void aPasswordSignInIsRefusedWhileBannedAndAnExpiredBanLiftsItself() throws Exception {
        Browser admin = admin();
        String email = "banned-" + System.nanoTime() + "@example.com";
        Browser user = new Browser(base);
        PasswordSignInIT.register(user, email, "password-123", "");
        long userId = id(user);
        String until = Instant.now().plus(Duration.ofDays(1)).toString();

        JsonObject banned = json(admin.post("/admin/users/" + userId + "/ban", "{\"expires_at\":\"" + until + "\"}"));
        assertEquals(Instant.parse(until).toEpochMilli(),
                Instant.parse(banned.getJsonObject("ban").getString("expires_at")).toEpochMilli());
        assertProblem(PasswordSignInIT.login(new Browser(base), email, "password-123"), 403, BANNED);
        assertProblem(PasswordSignInIT.login(new Browser(base), email, "wrong-password"), 401, "Invalid credentials");

        TestDatabase.update("UPDATE users SET ban_expires_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), userId);
        assertEquals(200, PasswordSignInIT.login(new Browser(base), email, "password-123").statusCode());
        assertTrue(json(admin.get("/admin/users/" + userId)).isNull("ban"));

        assertProblem(admin.post("/admin/users/" + userId + "/ban", "{\"expires_at\":\"2001-01-01T00:00:00Z\"}"),
                400, "expires_at must be in the future");
        assertProblem(admin.post("/admin/users/" + userId + "/ban", "{\"expires_at\":\"tomorrow\"}"), 400,
                "expires_at must be an ISO 8601 time such as 2030-01-31T00:00:00Z");
    }

    @Test
    void theAuditTrailRecordsSecurityEventsWithoutSecrets() throws Exception {
        Browser admin = admin();
        String email = "audited-" + System.nanoTime() + "@example.com";
        Browser user = new Browser(base);
        PasswordSignInIT.register(user, email, "first-password", "");
        long userId = id(user);
        PasswordSignInIT.login(new Browser(base), email, "wrong-password");
        user.post("/auth/password", "{\"current_password\":\"first-password\",\"new_password\":\"second-password\"}");
        user.post("/auth/logout", "");
        Browser again = new Browser(base);
        PasswordSignInIT.login(again, email, "second-password");

        JsonObject own = json(again.get("/auth/audit"));
        List<String> types = own.getJsonArray("events").stream().map(e -> e.asJsonObject().getString("type")).toList();
        assertEquals(List.of("sign_in", "sign_out", "password_changed", "sign_in_failed", "sign_in"), types);
        JsonObject failed = own.getJsonArray("events").getJsonObject(3);
        assertEquals("password", failed.getJsonObject("detail").getString("method"));
        assertEquals("Invalid credentials", failed.getJsonObject("detail").getString("reason"));
        assertEquals(Browser.USER_AGENT, failed.getString("user_agent"));
        assertFalse(failed.getString("ip_address").isEmpty());
        // Password requests are answered from the hashing pool: their events still carry the client.
        own.getJsonArray("events").forEach(event -> {
            assertEquals(Browser.USER_AGENT, event.asJsonObject().getString("user_agent"), event.toString());
            assertFalse(event.asJsonObject().getString("ip_address").isEmpty(), event.toString());
        });

        JsonObject filtered = json(admin.get("/admin/audit?user=" + userId + "&type=sign_in_failed"));
        assertEquals(1, filtered.getInt("total"));
        assertEquals(userId, filtered.getJsonArray("events").getJsonObject(0).getJsonNumber("target_user_id")
                .longValue());
        String future = Instant.now().plus(Duration.ofHours(1)).toString();
        assertEquals(0, json(admin.get("/admin/audit?user=" + userId + "&since=" + future)).getInt("total"));
        assertEquals(2, json(admin.get("/admin/audit?user=" + userId + "&size=2")).getJsonArray("events").size());
        assertProblem(admin.get("/admin/audit?since=yesterday"), 400,
                "since must be an ISO 8601 time such as 2025-01-31T00:00:00Z");
        assertEquals(400, admin.get("/admin/audit?type=everything").statusCode());
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM audit_events WHERE target_user_id = ? AND ("
                + "detail LIKE '%first-password%' OR detail LIKE '%second-password%' OR detail LIKE '%eyJ%')", userId));
    }

    @Test
    void webhooksFailClosedWithoutASecret() {
        HttpResponse<String> answer = new Browser(base).asScript().post("/webhooks/github", "{\"zen\":\"x\"}",
                "X-GitHub-Event", "ping", "X-GitHub-Delivery", "d-" + System.nanoTime(),
                "X-Hub-Signature-256", "sha256=00");
        assertProblem(answer, 503, "GitHub webhooks are not configured: set GITHUB_WEBHOOK_SECRET");
    }
}
