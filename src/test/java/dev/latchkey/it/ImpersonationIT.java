package dev.latchkey.it;

import static dev.latchkey.it.Operators.assertProblem;
import static dev.latchkey.it.Operators.auditRows;
import static dev.latchkey.it.Operators.id;
import static dev.latchkey.it.Operators.json;
import static dev.latchkey.it.Operators.me;
import static dev.latchkey.it.Operators.newUser;
import static dev.latchkey.it.Operators.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.GitHubUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An admin sees what a user sees: a separate, hour-long session of the user that names the admin, with the admin's
 * own session kept aside and given back when they stop.
 */
@ExtendWith(ArquillianExtension.class)
class ImpersonationIT {

    static final String ROOT = LatchkeyDeployment.ADMIN_LOGIN;
    static final String REFUSED = "Not allowed while impersonating a user: stop impersonating first.";
    static final String ADMIN_COOKIE = "latchkey_admin_session";
    static final String AUTH = "Authorization";
    /** The one GitHub account holding ROOT: a listed login makes only its first account admin. */
    static final GitHubUser ROOT_USER = LatchkeyDeployment.github().createUser(ROOT);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.shared();
    }

    @ArquillianResource
    URL url;

    private final dev.latchkey.testing.github.FakeGitHub github = LatchkeyDeployment.github();
    private URI base;

    @BeforeEach
    void reset() throws Exception {
        github.reset();
        base = url.toURI();
    }

    @Test
    void anAdminActsAsAUserWithinLimitsAndGetsTheirOwnSessionBack() throws Exception {
        Browser admin = signedIn(base, github, ROOT_USER);
        long adminId = id(admin);
        String adminToken = admin.cookie("access_token").orElseThrow();
        Browser user = newUser(base, github, "helped");
        long userId = id(user);

        // (1) Start: the browser now carries the user's session; the admin's waits in a cookie for /auth
        HttpResponse<String> started = admin.post("/admin/users/" + userId + "/impersonate", "");
        assertEquals(200, started.statusCode(), started.body());
        String cookie = Browser.setCookieHeader(started, ADMIN_COOKIE).orElseThrow();
        assertTrue(cookie.contains("Path=/auth") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
        assertEquals(adminToken, admin.cookie(ADMIN_COOKIE).orElseThrow());
        String token = json(started).getString("access_token");
        assertEquals(adminId, json(started).getJsonObject("user").getJsonObject("impersonated_by")
                .getJsonNumber("id").longValue());
        assertEquals(Long.toString(adminId), claims(token).getJsonObject("act").getString("sub"));
        assertTrue(json(started).getInt("expires_in") <= 3600);
        String sessionId = claims(token).getString("sid");
        assertEquals(adminId, ((Number) TestDatabase.value("SELECT impersonator_id FROM sessions WHERE id = ?",
                sessionId)).longValue());
        assertTrue(expiry(sessionId).isBefore(Instant.now().plus(Duration.ofMinutes(61))));

        // (2) The user's view, naming the admin
        JsonObject me = me(admin);
        assertEquals(userId, me.getJsonNumber("id").longValue());
        assertEquals(adminId, me.getJsonObject("impersonated_by").getJsonNumber("id").longValue());
        assertEquals(ROOT, me.getJsonObject("impersonated_by").getString("github_username"));
        assertTrue(me(user).isNull("impersonated_by"));

        // (3) Limits: no admin routes, no nested impersonation, no password or account changes
        assertProblem(admin.get("/admin/users"), 403, REFUSED);
        assertProblem(admin.post("/admin/users/" + userId + "/impersonate", ""), 403, REFUSED);
        assertProblem(admin.post("/auth/password", "{\"current_password\":\"a\",\"new_password\":\"bbbbbbbb\"}"),
                403, REFUSED);
        assertProblem(admin.send("DELETE", "/auth/account"), 403, REFUSED);
        assertProblem(admin.send("DELETE", "/auth/accounts/github"), 403, REFUSED);
        assertProblem(admin.post("/auth/sessions/revoke-others", ""), 403, REFUSED);
        assertProblem(admin.get("/auth/github?link=true"), 403, REFUSED);
        assertEquals(userId, id(user), "the user's own session is untouched");
        // (4) The admin's own session stayed live all along
        assertEquals(adminId, json(script().get("/auth/me", AUTH, "Bearer " + adminToken))
                .getJsonNumber("id").longValue());

        // (5) Stop: the impersonation ends, the admin is back
        HttpResponse<String> stopped = admin.post("/auth/stop-impersonating", "");
        assertEquals(200, stopped.statusCode(), stopped.body());
        assertEquals(adminId, json(stopped).getJsonObject("user").getJsonNumber("id").longValue());
        assertFalse(json(stopped).containsKey("access_token"), "the admin's token stays out of the page's reach");
        assertFalse(stopped.body().contains(adminToken), stopped.body());
        assertTrue(admin.cookie(ADMIN_COOKIE).isEmpty());
        assertEquals(adminId, id(admin));
        assertEquals(200, admin.get("/admin/users").statusCode());
        GitHubSignInIT.assertRefused(script().get("/auth/me", AUTH, "Bearer " + token), "Invalid or expired token");
        assertEquals(1, auditRows("impersonation_started", userId));
        assertEquals(1, auditRows("impersonation_stopped", userId));
        assertProblem(admin.post("/auth/stop-impersonating", ""), 400, "You are not impersonating anyone");
    }

    @Test
    void adminsAndBannedUsersCannotBeImpersonated() {
        Browser admin = signedIn(base, github, ROOT_USER);
        Browser other = newUser(base, github, "deputy");
        assertEquals(200, admin.post("/admin/users/" + id(other) + "/role", "{\"role\":\"admin\"}").statusCode());
        Browser user = newUser(base, github, "banned");
        long userId = id(user);
        admin.post("/admin/users/" + userId + "/ban", "{}");

        assertProblem(admin.post("/admin/users/" + id(other) + "/impersonate", ""), 403,
                "Admins cannot be impersonated");
        assertProblem(admin.post("/admin/users/" + userId + "/impersonate", ""), 403,
                "Banned users cannot be impersonated");
        assertProblem(admin.post("/admin/users/424242424242/impersonate", ""), 404, "User not found");
        assertEquals(200, admin.get("/admin/users").statusCode(), "still the admin");
    }

    @Test
    void demotingTheAdminEndsTheirImpersonationAndABearerClientGetsNoCookie() throws Exception {
        Browser admin = signedIn(base, github, ROOT_USER);
        long adminId = id(admin);
        long userId = id(newUser(base, github, "watched"));
        String adminToken = admin.cookie("access_token").orElseThrow();

        HttpResponse<String> started = script().post("/admin/users/" + userId + "/impersonate", "", AUTH,
                "Bearer " + adminToken);
        assertEquals(200, started.statusCode(), started.body());
        assertTrue(Browser.setCookieHeader(started, ADMIN_COOKIE).isEmpty(), "a Bearer client keeps its own token");
        String actingAs = json(started).getString("access_token");
        assertEquals(userId, json(script().get("/auth/me", AUTH, "Bearer " + actingAs))
                .getJsonNumber("id").longValue());

        TestDatabase.update("UPDATE users SET role = 'user' WHERE id = ?", adminId);
        TestDatabase.awaitNoticeOfOutsideChange();
        GitHubSignInIT.assertRefused(script().get("/auth/me", AUTH, "Bearer " + actingAs),
                "Invalid or expired token");
        assertFalse(me(admin).getString("role").equals("admin"));
    }

    @Test
    void anImpersonatingAdminNeverReachesTheUsersGitHubToken() throws Exception {
        Browser admin = signedIn(base, github, ROOT_USER);
        Browser user = newUser(base, github, "token-owner");
        assertEquals(200, admin.post("/admin/users/" + id(user) + "/impersonate", "").statusCode());
        int apiCalls = github.requests(null, "/api/v3/").size();

        assertProblem(admin.get("/auth/github/organizations"), 403, REFUSED);
        assertProblem(admin.get("/auth/github/scopes"), 403, REFUSED);

        assertEquals(apiCalls, github.requests(null, "/api/v3/").size(), "GitHub was not asked with the user's token");
        assertEquals(200, user.get("/auth/github/organizations").statusCode(), "the user themselves still may");
    }

    @Test
    void theUsersSessionListShowsTheImpersonationWithoutTheAdminsAddress() throws Exception {
        Browser admin = signedIn(base, github, ROOT_USER);
        Browser user = newUser(base, github, "watched-list");
        assertEquals(200, admin.post("/admin/users/" + id(user) + "/impersonate", "").statusCode());

        for (Browser reader : new Browser[] {user, admin}) {
            HttpResponse<String> listed = reader.get("/auth/sessions");
            assertEquals(200, listed.statusCode(), listed.body());
            JsonArray sessions = Json.createReader(new StringReader(listed.body())).readArray();
            assertEquals(2, sessions.size(), listed.body());
            JsonObject impersonation = sessions.stream().map(JsonValue::asJsonObject)
                    .filter(session -> session.getBoolean("impersonation")).findFirst().orElseThrow();
            assertTrue(impersonation.isNull("ip_address") && impersonation.isNull("user_agent"), listed.body());
            JsonObject own = sessions.stream().map(JsonValue::asJsonObject)
                    .filter(session -> !session.getBoolean("impersonation")).findFirst().orElseThrow();
            assertEquals(Browser.USER_AGENT, own.getString("user_agent"));
            assertFalse(own.isNull("ip_address"));
        }
    }

    /** A script without cookies: its requests carry a token in {@code Authorization}. */
    private Browser script() {
        return new Browser(base).asScript();
    }

    private static JsonObject claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }

    private static Instant expiry(String sessionId) throws Exception {
        Object value = TestDatabase.value("SELECT expires_at FROM sessions WHERE id = ?", sessionId);
        return value instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }
}
