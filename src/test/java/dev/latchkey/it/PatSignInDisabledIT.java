package dev.latchkey.it;

import static dev.latchkey.it.GitHubCallbackFailuresIT.assertProblem;
import static dev.latchkey.it.GitHubSignInIT.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import jakarta.json.JsonObject;
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
 * A Latchkey with {@code PAT_SIGNIN=disabled}: it says so, and personal-access-token sign-in is not there at all.
 */
@ExtendWith(ArquillianExtension.class)
class PatSignInDisabledIT {

    private static final String DISABLED = "Personal access token sign-in is disabled";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.withSettings(Map.of("PAT_SIGNIN", "disabled", "RATE_LIMIT_SIGNIN_PER_MINUTE", "3",
                "BCRYPT_COST", "4"));
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();

    @Test
    void theProvidersSayThereIsNoTokenSignIn() throws Exception {
        JsonObject providers = json(new Browser(url.toURI()).get("/auth/providers"));

        assertFalse(providers.getBoolean("pat"));
        assertTrue(providers.getBoolean("github"));
        assertTrue(providers.getBoolean("password"));
    }

    @Test
    void aGoodTokenGetsA404ThatAsksNothingOfGitHubAndUsesUpNoSignInAttempts() throws Exception {
        GitHubUser user = github.createUser("pat-disabled-" + System.nanoTime());
        String pat = github.issueTokenWithPrefix(user, "ghp_", "repo", "user:email");
        Browser script = new Browser(url.toURI()).asScript();
        int asked = github.requests(null, "/api/v3/").size();
        // This machine's address starts afresh: the attempts of earlier classes (PasswordSignInIT makes hundreds) are
        // counted in the database for a minute, which a slower server's boot may not outlast.
        TestDatabase.update("DELETE FROM rate_limit_windows");

        // 1. More attempts than the address may make in a minute: each is simply not there.
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> answer = script.post("/auth/pat-signin", "{\"token\":\"" + pat + "\"}");
            assertProblem(answer, 404, DISABLED);
            assertTrue(Browser.setCookieHeader(answer, "access_token").isEmpty(), "no session cookie");
        }
        assertEquals(asked, github.requests(null, "/api/v3/").size(), "GitHub was not asked");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", user.id()));

        // 2. The address still has its sign-in attempts for the methods that are on.
        assertProblem(script.post("/auth/login", "{\"email\":\"nobody-" + System.nanoTime()
                + "@example.com\",\"password\":\"not-a-password\"}"), 401, "Invalid credentials");
    }
}
