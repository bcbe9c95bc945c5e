package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests that race: one state replayed fifty times at once, and one person's first sign-in from many devices.
 */
@ExtendWith(ArquillianExtension.class)
class GitHubSignInRacesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.shared();
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();
    private Browser browser;

    @BeforeEach
    void setUp() throws Exception {
        browser = new Browser(url.toURI());
        github.reset();
    }

    @Test
    void ofFiftySimultaneousCallbacksWithOneStateExactlyOneSignsIn() throws Exception {
        GitHubUser user = github.createUser("race-state-" + System.nanoTime());
        String callback = GitHubSignIns.authorize(browser, github, user, "/auth/github");
        String binding = browser.cookie("latchkey_oauth_state").orElseThrow();

        List<Callable<HttpResponse<String>>> copies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            copies.add(() -> {
                Browser copy = new Browser(browser.base());
                copy.setCookie("latchkey_oauth_state", binding);
                return copy.get(callback, "Accept", "application/json");
            });
        }
        List<HttpResponse<String>> answers = Simultaneously.run(copies);

        long signedIn = answers.stream().filter(answer -> answer.statusCode() == 302).count();
        long refused = answers.stream().filter(answer -> answer.statusCode() == 400
                && answer.body().contains("Invalid or expired OAuth state")).count();
        assertEquals(1, signedIn, "exactly one callback signs in");
        assertEquals(49, refused, "all others are told the state is invalid");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                + "WHERE u.github_id = ?", user.id()));
        assertEquals(1, github.requests("POST", "/login/oauth/access_token").stream()
                .filter(request -> request.getBodyAsString().contains(GitHubSignInIT.query(
                        java.net.URI.create(callback)).get("code"))).count(), "the code was exchanged once");
    }

    @Test
    void simultaneousFirstSignInsOfOneAccountMakeOneUser() throws Exception {
        GitHubUser user = github.createUser("race-first-" + System.nanoTime());
        List<Callable<HttpResponse<String>>> devices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Browser device = new Browser(browser.base());
            String callback = GitHubSignIns.authorize(device, github, user, "/auth/github");
            devices.add(() -> device.get(callback, "Accept", "application/json"));
        }

        List<HttpResponse<String>> answers = Simultaneously.run(devices);

        for (HttpResponse<String> answer : answers) {
            assertEquals(302, answer.statusCode(), answer.body());
        }
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", user.id()));
        assertEquals(8, TestDatabase.count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                + "WHERE u.github_id = ?", user.id()));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM github_tokens t JOIN users u ON u.id = t.user_id "
                + "WHERE u.github_id = ?", user.id()));
    }
}
