package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * The people of the operator scenarios: admins and users signed in through GitHub, and what the admin API says.
 */
final class Operators {

    private Operators() {
    }

    /** A browser signed in with GitHub as {@code user}. */
    static Browser signedIn(URI base, FakeGitHub github, GitHubUser user) {
        Browser browser = new Browser(base);
        HttpResponse<String> done = GitHubSignIns.signIn(browser, github, user);
        assertEquals(302, done.statusCode(), done.body());
        assertFalse(GitHubSignIns.location(done).toString().contains("error="), done.headers().toString());
        return browser;
    }

    /** A new GitHub user, signed in. */
    static Browser newUser(URI base, FakeGitHub github, String prefix) {
        return signedIn(base, github, github.createUser(prefix + "-" + System.nanoTime()));
    }

    static JsonObject me(Browser browser) {
        HttpResponse<String> me = browser.get("/auth/me");
        assertEquals(200, me.statusCode(), me.body());
        return json(me);
    }

    static long id(Browser browser) {
        return me(browser).getJsonNumber("id").longValue();
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    static void assertProblem(HttpResponse<String> response, int status, String detail) {
        PasswordSignInIT.assertProblem(response, status, detail);
    }

    static long auditRows(String type, long targetUserId) throws Exception {
        return TestDatabase.count("SELECT COUNT(*) FROM audit_events WHERE type = ? AND target_user_id = ?",
                type, targetUserId);
    }

    static String auditDetail(String type, long targetUserId) throws Exception {
        return (String) TestDatabase.value("SELECT detail FROM audit_events WHERE type = ? AND target_user_id = ? "
                + "ORDER BY occurred_at DESC, id DESC", type, targetUserId);
    }
}
