package dev.latchkey.it;

import static dev.latchkey.it.GitHubSignIns.location;
import static dev.latchkey.it.Operators.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node killed ({@code kill -9}) while people come back from GitHub: the other node signs them in, nothing is left
 * half-written, and the killed node, started again, rejoins.
 */
@ExtendWith(TwoNodes.class)
class ClusterNodeKilledIT {

    private static final String KILLED = TwoNodes.CACHING;
    private static final String SURVIVOR = TwoNodes.UNCACHED;
    private static final int PEOPLE = 40;
    private static final int AT_ONCE = 4;

    private final FakeGitHub github = LatchkeyDeployment.github();

    /** One person back from GitHub's consent page, and what their callback got. */
    private record SignIn(GitHubUser user, Browser browser, String callback) {

        Outcome complete() {
            Instant sent = Instant.now();
            try {
                HttpResponse<String> answer = browser.get(callback, "Accept", Browser.HTML);
                boolean signedIn = answer.statusCode() == 302 && !location(answer).toString().contains("error=")
                        && browser.cookie("access_token").isPresent();
                String node = answer.headers().firstValue("X-Latchkey-Node").orElse("the balancer");
                return new Outcome(this, sent, signedIn, answer.statusCode() + " from " + node
                        + answer.headers().firstValue("Location").map(to -> " to " + to).orElse(""));
            } catch (IllegalStateException connectionLost) {
                return new Outcome(this, sent, false, "no answer: " + connectionLost.getMessage());
            }
        }
    }

    private record Outcome(SignIn signIn, Instant sent, boolean signedIn, String answer) {
    }

    @BeforeEach
    void githubAnswers() {
        github.reset();
    }

    @Test
    void aNodeKilledDuringSignInsLeavesNothingHalfWrittenTheOtherSignsPeopleInAndItRejoins() throws Exception {
        // 1. Forty people come back from GitHub, four at a time; node-a is killed once ten are signed in.
        List<SignIn> signIns = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            GitHubUser user = github.createUser("killed-node-" + i + "-" + System.nanoTime());
            Browser browser = ClusterIT.browser();
            signIns.add(new SignIn(user, browser, GitHubSignIns.authorize(browser, github, user, "/auth/github")));
        }
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        Instant killedAt = completeWhileKilling(signIns, outcomes);

        // 2. Only sign-ins node-a held when it died failed; every one sent after that was signed in by node-b.
        List<Outcome> failed = outcomes.stream().filter(outcome -> !outcome.signedIn()).toList();
        System.out.printf("Killed %s; %d of %d sign-ins failed: %s%n", KILLED, failed.size(), PEOPLE,
                failed.stream().map(Outcome::answer).toList());
        assertEquals(PEOPLE, outcomes.size());
        assertTrue(failed.size() <= AT_ONCE, "at most the sign-ins in flight failed: " + failed);
        for (Outcome outcome : failed) {
            assertTrue(outcome.sent().isBefore(killedAt), "sent before the kill: " + outcome);
        }

        // 3. Nothing half-written: a user is there with their GitHub token, or not at all; a session for every
        //    browser that was signed in.
        for (Outcome outcome : outcomes) {
            long githubId = outcome.signIn().user().id();
            long users = TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", githubId);
            assertTrue(users <= 1, outcome.toString());
            assertEquals(users, TestDatabase.count("SELECT COUNT(*) FROM github_tokens t JOIN users u "
                    + "ON u.id = t.user_id WHERE u.github_id = ?", githubId), "user and token together: " + outcome);
            if (outcome.signedIn()) {
                assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM sessions WHERE id = ? AND revoked_at IS NULL",
                        sid(outcome.signIn().browser())), outcome.toString());
            }
        }

        // 4. Those who failed start again and get in: node-b answers every request while node-a is down.
        List<Browser> signedInMeanwhile = new ArrayList<>();
        for (Outcome outcome : failed) {
            Browser again = ClusterIT.browser();
            HttpResponse<String> done = GitHubSignIns.signIn(again, github, outcome.signIn().user());
            assertEquals(302, done.statusCode(), done.body());
            assertFalse(location(done).toString().contains("error="), location(done).toString());
            assertEquals(SURVIVOR, Nodes.of(done));
            assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?",
                    outcome.signIn().user().id()));
            signedInMeanwhile.add(again);
        }
        signedInMeanwhile.add(Operators.signedIn(TwoNodes.address(), github,
                github.createUser("while-down-" + System.nanoTime())));

        // 5. node-a starts again: the balancer sends it requests again, and it knows the sessions made without it.
        TwoNodes.cluster().restart(KILLED);
        Nodes nodes = new Nodes(TwoNodes.address());
        for (Browser browser : signedInMeanwhile) {
            HttpResponse<String> me = nodes.on(KILLED, () -> browser.get("/auth/me"));
            assertEquals(200, me.statusCode(), me.body());
            assertTrue(json(me).getJsonNumber("id").longValue() > 0);
        }
    }

    /** Completes the sign-ins {@value #AT_ONCE} at a time, killing node-a once ten are done; returns when. */
    private static Instant completeWhileKilling(List<SignIn> signIns, List<Outcome> outcomes) throws Exception {
        ConcurrentLinkedQueue<SignIn> waiting = new ConcurrentLinkedQueue<>(signIns);
        CountDownLatch tenDone = new CountDownLatch(10);
        ExecutorService people = Executors.newFixedThreadPool(AT_ONCE);
        for (int i = 0; i < AT_ONCE; i++) {
            people.submit(() -> {
                for (SignIn next = waiting.poll(); next != null; next = waiting.poll()) {
                    outcomes.add(next.complete());
                    tenDone.countDown();
                }
            });
        }
        assertTrue(tenDone.await(60, TimeUnit.SECONDS), "ten sign-ins completed");
        TwoNodes.cluster().kill(KILLED);
        Instant killedAt = Instant.now();
        people.shutdown();
        assertTrue(people.awaitTermination(120, TimeUnit.SECONDS), "every sign-in was answered");
        return killedAt;
    }

    private static String sid(Browser browser) throws Exception {
        Optional<String> token = browser.cookie("access_token");
        return SignedJWT.parse(token.orElseThrow()).getJWTClaimsSet().getStringClaim("sid");
    }
}
