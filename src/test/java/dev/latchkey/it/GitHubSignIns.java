package dev.latchkey.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * The GitHub web flow as a person's browser goes through it: Latchkey, GitHub's consent page, and back.
 */
public final class GitHubSignIns {

    private GitHubSignIns() {
    }

    /** Steps 1 and 2 of the flow for {@code user}; returns the callback's answer (a browser that accepts HTML). */
    public static HttpResponse<String> signIn(Browser browser, FakeGitHub github, GitHubUser user) {
        String callback = authorize(browser, github, user, "/auth/github");
        return browser.get(callback, "Accept", Browser.HTML);
    }

    /** Starts at {@code startPath}, lets {@code user} approve on GitHub; returns the callback path to visit. */
    public static String authorize(Browser browser, FakeGitHub github, GitHubUser user, String startPath) {
        HttpResponse<String> toGitHub = browser.get(startPath, "Accept", Browser.HTML);
        assertEquals(302, toGitHub.statusCode(), "GET " + startPath + " redirects to GitHub: " + toGitHub.body());
        github.signInAs(user);
        HttpResponse<String> back = browser.get(location(toGitHub).toString(), "Accept", Browser.HTML);
        assertEquals(302, back.statusCode(), "GitHub redirects back: " + back.body());
        return callbackPath(back);
    }

    /** GitHub sends the browser to BACKEND_URL; the server under test listens elsewhere, so keep path and query. */
    public static String callbackPath(HttpResponse<String> fromGitHub) {
        URI callback = location(fromGitHub);
        return callback.getRawPath() + "?" + callback.getRawQuery();
    }

    public static URI location(HttpResponse<?> response) {
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }
}
