package dev.latchkey.it;

import static dev.latchkey.it.GitHubCallbackFailuresIT.assertProblem;
import static dev.latchkey.it.GitHubSignInIT.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A person sees where they are signed in and ends sessions they do not recognise.
 */
@ExtendWith(ArquillianExtension.class)
class SessionsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.shared();
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();
    private Browser laptop;
    private Browser phone;

    @BeforeEach
    void signInTwice() throws Exception {
        github.reset();
        GitHubUser user = github.createUser("sessions-" + System.nanoTime());
        laptop = new Browser(url.toURI());
        phone = new Browser(url.toURI());
        GitHubSignIns.signIn(laptop, github, user);
        GitHubSignIns.signIn(phone, github, user);
    }

    @Test
    void theListShowsEachLiveSessionWithThisDeviceMarked() {
        JsonArray sessions = list(laptop);

        assertEquals(2, sessions.size());
        JsonObject current = sessions.stream().map(v -> v.asJsonObject()).filter(s -> s.getBoolean("current"))
                .findFirst().orElseThrow();
        assertEquals(1, sessions.stream().filter(s -> s.asJsonObject().getBoolean("current")).count());
        assertEquals(Browser.USER_AGENT, current.getString("user_agent"));
        for (String field : new String[] {"created_at", "last_seen_at", "expires_at"}) {
            assertTrue(current.getString(field).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), field);
        }
        assertFalse(current.getString("ip_address").isEmpty());
        assertFalse(current.getBoolean("impersonation"));
    }

    @Test
    void endingAnotherSessionRefusesItAtOnce() {
        String phoneSession = otherThanCurrent(laptop);

        assertEquals(200, laptop.send("DELETE", "/auth/sessions/" + phoneSession).statusCode());

        assertRefused(phone.get("/auth/me"), "Invalid or expired token");
        assertEquals(200, laptop.get("/auth/me").statusCode());
        assertEquals(1, list(laptop).size());
    }

    @Test
    void anotherUsersSessionIsNotFoundAndNothingChanges() {
        Browser stranger = new Browser(laptop.base());
        GitHubSignIns.signIn(stranger, github, github.createUser("stranger-" + System.nanoTime()));
        String strangersSession = list(stranger).getJsonObject(0).getString("id");

        assertProblem(laptop.send("DELETE", "/auth/sessions/" + strangersSession), 404, "Session not found");
        assertProblem(laptop.send("DELETE", "/auth/sessions/no-such-session"), 404, "Session not found");
        assertEquals(200, stranger.get("/auth/me").statusCode());
    }

    @Test
    void endingTheCurrentSessionSignsThisDeviceOut() {
        String mine = list(laptop).stream().map(v -> v.asJsonObject()).filter(s -> s.getBoolean("current"))
                .findFirst().orElseThrow().getString("id");

        var answer = laptop.send("DELETE", "/auth/sessions/" + mine);

        assertTrue(Browser.setCookieHeader(answer, "access_token").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, laptop.get("/auth/me").statusCode());
        assertEquals(200, phone.get("/auth/me").statusCode());
    }

    @Test
    void revokeOthersEndsAllButThisOne() {
        Browser tablet = new Browser(laptop.base());
        GitHubSignIns.signIn(tablet, github, github.createUser("unrelated-" + System.nanoTime()));

        JsonObject answer = Json.createReader(new StringReader(laptop.post("/auth/sessions/revoke-others", "")
                .body())).readObject();

        assertEquals(1, answer.getInt("revoked"));
        assertEquals(200, laptop.get("/auth/me").statusCode());
        assertRefused(phone.get("/auth/me"), "Invalid or expired token");
        assertEquals(200, tablet.get("/auth/me").statusCode(), "another user's sessions are untouched");
    }

    @Test
    void lastSeenIsRecordedAtMostOnceAMinute() throws Exception {
        String phoneSession = otherThanCurrent(laptop);
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
        Instant recently = Instant.now().minusSeconds(20);

        TestDatabase.update("UPDATE sessions SET last_seen_at = ? WHERE id = ?", Timestamp.from(longAgo), phoneSession);
        TestDatabase.awaitNoticeOfOutsideChange();
        phone.get("/auth/me");
        assertTrue(lastSeen(phoneSession).isAfter(Instant.now().minusSeconds(30)), "updated after five minutes");

        TestDatabase.update("UPDATE sessions SET last_seen_at = ? WHERE id = ?", Timestamp.from(recently), phoneSession);
        TestDatabase.awaitNoticeOfOutsideChange();
        phone.get("/auth/me");
        assertEquals(recently.getEpochSecond(), lastSeen(phoneSession).getEpochSecond(), "not again within a minute");
    }

    @Test
    void aSessionEndedByAnotherServerIsRefusedWithinTheCacheBound() throws Exception {
        String phoneSession = otherThanCurrent(laptop);
        assertEquals(200, phone.get("/auth/me").statusCode());

        // Another server sharing the database ends it: this one finds out within SESSION_CHECK_CACHE_MILLISECONDS.
        TestDatabase.update("UPDATE sessions SET revoked_at = created_at, expires_at = created_at WHERE id = ?",
                phoneSession);
        TestDatabase.awaitNoticeOfOutsideChange();

        assertRefused(phone.get("/auth/me"), "Invalid or expired token");
        assertEquals(200, laptop.get("/auth/me").statusCode());
    }

    @Test
    void manyRequestsOfOneSessionRightAfterItEndsAreAllRefused() throws Exception {
        String phoneSession = otherThanCurrent(laptop);
        assertEquals(200, phone.get("/auth/me").statusCode());

        assertEquals(200, laptop.send("DELETE", "/auth/sessions/" + phoneSession).statusCode());

        List<Integer> statuses = Simultaneously.run(
                Collections.nCopies(16, () -> phone.get("/auth/me").statusCode()));
        assertTrue(statuses.stream().allMatch(status -> status == 401), statuses.toString());
    }

    private static JsonArray list(Browser browser) {
        var answer = browser.get("/auth/sessions");
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readArray();
    }

    private static String otherThanCurrent(Browser browser) {
        return list(browser).stream().map(v -> v.asJsonObject()).filter(s -> !s.getBoolean("current"))
                .findFirst().orElseThrow().getString("id");
    }

    private static Instant lastSeen(String sessionId) throws Exception {
        Object value = TestDatabase.value("SELECT last_seen_at FROM sessions WHERE id = ?", sessionId);
        return value instanceof java.time.OffsetDateTime odt ? odt.toInstant() : ((Timestamp) value).toInstant();
    }
}
