package dev.latchkey.it;

import static dev.latchkey.it.Operators.assertProblem;
import static dev.latchkey.it.Operators.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The races one node already wins, run across two through the balancer: one OAuth state used on both nodes at once,
 * one GitHub account's first sign-ins, one expiring token's refreshes and one webhook delivery's copies on both.
 */
@ExtendWith(TwoNodes.class)
class ClusterRacesIT {

    private final FakeGitHub github = LatchkeyDeployment.github();
    private Duration clockMoved = Duration.ZERO;

    @BeforeEach
    void githubAnswers() {
        github.reset();
    }

    /** The stub serves other scenarios of this run too: 8-hour tokens again, on its old clock. */
    @AfterEach
    void githubAsItWas() {
        github.reset();
        github.advanceClock(clockMoved.negated());
    }

    @Test
    void ofTwentySimultaneousCallbacksWithOneStateOnBothNodesExactlyOneSignsIn() throws Exception {
        GitHubUser user = github.createUser("cluster-state-" + System.nanoTime());
        Browser browser = ClusterIT.browser();
        String callback = GitHubSignIns.authorize(browser, github, user, "/auth/github");
        String binding = browser.cookie("latchkey_oauth_state").orElseThrow();
        List<Callable<HttpResponse<String>>> copies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            copies.add(() -> {
                Browser copy = ClusterIT.browser();
                copy.setCookie("latchkey_oauth_state", binding);
                return copy.get(callback, "Accept", "application/json");
            });
        }

        List<HttpResponse<String>> answers = Simultaneously.run(copies);

        Nodes.assertBothAnswered(answers);
        assertEquals(1, answers.stream().filter(answer -> answer.statusCode() == 302).count(), "one signs in");
        assertEquals(19, answers.stream().filter(answer -> answer.statusCode() == 400
                && answer.body().contains("Invalid or expired OAuth state")).count(), "the others are refused");
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                + "WHERE u.github_id = ?", user.id()));
        String code = GitHubSignInIT.query(URI.create(callback)).get("code");
        assertEquals(1, github.requests("POST", "/login/oauth/access_token").stream()
                .filter(request -> request.getBodyAsString().contains(code)).count(), "the code was exchanged once");
    }

    @Test
    void simultaneousFirstSignInsOfOneAccountOnBothNodesMakeOneUser() throws Exception {
        GitHubUser user = github.createUser("cluster-first-" + System.nanoTime());
        List<Callable<HttpResponse<String>>> devices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Browser device = ClusterIT.browser();
            String callback = GitHubSignIns.authorize(device, github, user, "/auth/github");
            devices.add(() -> device.get(callback, "Accept", "application/json"));
        }

        List<HttpResponse<String>> answers = Simultaneously.run(devices);

        Nodes.assertBothAnswered(answers);
        for (HttpResponse<String> answer : answers) {
            assertEquals(302, answer.statusCode(), answer.body());
        }
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", user.id()));
        assertEquals(8, TestDatabase.count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                + "WHERE u.github_id = ?", user.id()));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM github_tokens t JOIN users u ON u.id = t.user_id "
                + "WHERE u.github_id = ?", user.id()));
    }

    @Test
    void tenSimultaneousNeedsOfAnExpiringTokenOnBothNodesAllAnswerAndRefreshItOnce() throws Exception {
        // 1. GitHub grants two-minute tokens; with 50 s left, the token is due for a refresh at its next need.
        github.issueUserTokensFor(Duration.ofMinutes(2));
        GitHubUser user = github.createUser("cluster-refresh-" + System.nanoTime());
        Browser browser = ClusterIT.browser();
        assertEquals(302, GitHubSignIns.signIn(browser, github, user).statusCode());
        StoredGitHubTokenRow granted = StoredGitHubTokenRow.of(user.id()).orElseThrow();
        Duration passed = Duration.between(Instant.now(), granted.expiresAt()).minus(Duration.ofSeconds(50));
        github.advanceClock(passed);
        clockMoved = clockMoved.plus(passed);
        StoredGitHubTokenRow.age(user.id(), passed);
        long refreshesBefore = refreshGrants();

        // 2. Ten devices need it at once, on both nodes: all are answered, and GitHub is asked to refresh once.
        String session = browser.cookie("access_token").orElseThrow();
        List<Callable<HttpResponse<String>>> needs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            needs.add(() -> {
                Browser device = ClusterIT.browser();
                device.setCookie("access_token", session);
                return device.get("/auth/github/scopes");
            });
        }
        List<HttpResponse<String>> answers = Simultaneously.run(needs);

        Nodes.assertBothAnswered(answers);
        for (HttpResponse<String> answer : answers) {
            assertEquals(200, answer.statusCode(), Nodes.of(answer) + ": " + answer.body());
        }
        assertEquals(1, refreshGrants() - refreshesBefore, "one refresh for ten needs on two nodes");
        StoredGitHubTokenRow renewed = StoredGitHubTokenRow.of(user.id()).orElseThrow();
        assertNotEquals(granted.token(), renewed.token());
        assertEquals(Set.of(renewed.token()), github.liveTokens(user));
        assertEquals(Set.of(renewed.refresh()), github.liveRefreshTokens(user));
    }

    @Test
    void fortySimultaneousCopiesOfADeliveryOnBothNodesAndTheirRedeliveriesHaveOneEffect() throws Exception {
        GitHubUser user = github.createUser("cluster-webhook-" + System.nanoTime());
        Browser browser = ClusterIT.browser();
        assertEquals(302, GitHubSignIns.signIn(browser, github, user).statusCode());
        String delivery = UUID.randomUUID().toString();
        List<Callable<HttpResponse<String>>> copies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            copies.add(() -> deliverRevocation(delivery, user));
        }

        List<HttpResponse<String>> answers = Simultaneously.run(copies);

        // Each node reads at most four bodies at once and asks GitHub to redeliver the rest (503), as GitHub does.
        List<HttpResponse<String>> read = answers.stream().filter(answer -> answer.statusCode() == 200).toList();
        Nodes.assertBothAnswered(read);
        List<String> statuses = read.stream().map(answer -> json(answer).getString("status")).toList();
        assertEquals(1, statuses.stream().filter("processed"::equals).count(), statuses.toString());
        assertEquals(read.size() - 1, statuses.stream().filter("duplicate"::equals).count(), statuses.toString());
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() != 200) {
                assertProblem(answer, 503, "Too many webhook deliveries at once; try again in a moment");
                assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "GitHub is told when to retry");
                HttpResponse<String> redelivered = deliverRevocation(delivery, user);
                assertEquals(200, redelivered.statusCode(), redelivered.body());
                assertEquals("duplicate", json(redelivered).getString("status"));
            }
        }
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM webhook_deliveries WHERE delivery_id = ?", delivery));
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                + "WHERE u.github_id = ? AND s.revoked_at IS NULL", user.id()), "the revocation took effect");
    }

    /** GitHub telling Latchkey, through the balancer, that {@code user} revoked the app. */
    static HttpResponse<String> deliverRevocation(String delivery, GitHubUser user) {
        String body = "{\"action\":\"revoked\",\"sender\":{\"login\":\"" + user.login() + "\",\"id\":" + user.id()
                + ",\"type\":\"User\"}}";
        return new Browser(TwoNodes.address()).asScript().post("/webhooks/github", body,
                "X-Hub-Signature-256", WebhooksIT.sign(LatchkeyDeployment.WEBHOOK_SECRET, body),
                "X-GitHub-Event", "github_app_authorization", "X-GitHub-Delivery", delivery);
    }

    private long refreshGrants() {
        return github.requests("POST", "/login/oauth/access_token").stream()
                .map(LoggedRequest::getBodyAsString)
                .filter(body -> body.contains("grant_type=refresh_token"))
                .count();
    }
}
