package dev.latchkey.it;

import static dev.latchkey.it.GitHubSignIns.location;
import static dev.latchkey.it.GitHubSignInIT.assertRefused;
import static dev.latchkey.it.Operators.assertProblem;
import static dev.latchkey.it.Operators.json;
import static dev.latchkey.it.TwoNodes.CACHING;
import static dev.latchkey.it.TwoNodes.DEFAULT_CACHE;
import static dev.latchkey.it.TwoNodes.UNCACHED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.crypto.KeyDerivation;
import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes on one PostgreSQL behind HAProxy (round robin, no stickiness), driven through the balancer as users and
 * GitHub reach them: each request's node is told by {@code X-Latchkey-Node} and steered where a story needs it.
 */
@ExtendWith(TwoNodes.class)
class ClusterIT {

    private static final String INVALID = "Invalid or expired token";

    private final FakeGitHub github = LatchkeyDeployment.github();
    private Nodes nodes;

    @BeforeEach
    void setUp() {
        github.reset();
        nodes = new Nodes(TwoNodes.address());
    }

    @Test
    void aGitHubSignInStartedOnOneNodeCompletesOnTheOtherAndItsSessionIsCheckedByBoth() throws Exception {
        GitHubUser user = github.createUser("cluster-" + System.nanoTime());
        Browser browser = browser();

        // 1. node-a sends the browser to GitHub, which sends it back to BACKEND_URL: the balancer.
        HttpResponse<String> toGitHub = nodes.on(CACHING, () -> browser.get("/auth/github", "Accept", Browser.HTML));
        assertEquals(302, toGitHub.statusCode(), toGitHub.body());
        github.signInAs(user);
        HttpResponse<String> back = browser.get(location(toGitHub).toString(), "Accept", Browser.HTML);
        assertEquals(TwoNodes.address().getAuthority(), location(back).getAuthority(), "back to the balancer");

        // 2. node-b completes it: the state, its PKCE verifier and the browser binding were in the database.
        HttpResponse<String> done = nodes.on(UNCACHED,
                () -> browser.get(GitHubSignIns.callbackPath(back), "Accept", Browser.HTML));
        assertEquals(302, done.statusCode(), done.body());
        assertFalse(location(done).toString().contains("error="), location(done).toString());

        // 3. Session checks go to each node in turn, on one kept-alive connection: both know the session.
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> me = browser.get("/auth/me");
            assertEquals(200, me.statusCode(), me.body());
            assertEquals(user.id(), json(me).getJsonNumber("github_id").longValue());
            answeredBy.add(Nodes.of(me));
        }
        for (int i = 1; i < answeredBy.size(); i++) {
            assertNotEquals(answeredBy.get(i - 1), answeredBy.get(i), "round robin, no stickiness: " + answeredBy);
        }
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM users WHERE github_id = ?", user.id()));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                + "WHERE u.github_id = ?", user.id()));
    }

    @Test
    void aSessionRenewedOnOneNodeIsRenewedOnceAndTheOtherNodeAcceptsTheNewToken() throws Exception {
        Browser browser = signedIn("renewal");
        SignedJWT issued = SignedJWT.parse(browser.cookie("access_token").orElseThrow());
        String sid = issued.getJWTClaimsSet().getStringClaim("sid");

        // 1. Thirty minutes left, less than SESSION_REFRESH_THRESHOLD_MINUTES: node-a renews it in the cookie.
        browser.setCookie("access_token", nearExpiry(issued, Duration.ofMinutes(30)));
        TestDatabase.awaitNoticeOfOutsideChange();
        HttpResponse<String> renewed = nodes.on(CACHING, () -> browser.get("/auth/me"));
        assertEquals(200, renewed.statusCode(), renewed.body());
        assertTrue(Browser.setCookieHeader(renewed, "access_token").isPresent(), "renewed");
        SignedJWT token = SignedJWT.parse(browser.cookie("access_token").orElseThrow());
        assertEquals(sid, token.getJWTClaimsSet().getStringClaim("sid"), "the same session");
        Instant expiry = token.getJWTClaimsSet().getExpirationTime().toInstant();
        assertAbout(Instant.now().plus(Duration.ofDays(1)), expiry);
        assertAbout(expiry, storedExpiry(sid));

        // 2. node-b reads the extended row: it accepts the new token and renews nothing again.
        HttpResponse<String> other = nodes.on(UNCACHED, () -> browser.get("/auth/me"));
        assertEquals(200, other.statusCode(), other.body());
        assertTrue(Browser.setCookieHeader(other, "access_token").isEmpty(), "renewed once for the cluster");
    }

    @Test
    void aLogoutIsRefusedAtOnceWithoutTheCacheAndWithinItsBoundWithTheDefault() throws Exception {
        // 1. node-b reads the session rows on every request (cache 0): a logout through node-a is refused on both at
        //    once, though both had just checked the session.
        Browser browser = signedIn("logout-uncached");
        Browser replay = copyOf(browser);
        assertEquals(200, nodes.on(CACHING, () -> replay.get("/auth/me")).statusCode());
        assertEquals(200, nodes.on(UNCACHED, () -> replay.get("/auth/me")).statusCode());
        assertEquals(200, nodes.on(CACHING, () -> browser.post("/auth/logout", "")).statusCode());
        assertRefused(nodes.on(CACHING, () -> replay.get("/auth/me")), INVALID);
        assertRefused(nodes.on(UNCACHED, () -> replay.get("/auth/me")), INVALID);

        // 2. node-a trusts its own check for the default second: a logout through node-b is refused there at once,
        //    and on node-a within that second.
        Browser second = signedIn("logout-cached");
        Browser secondReplay = copyOf(second);
        assertEquals(200, nodes.on(CACHING, () -> secondReplay.get("/auth/me")).statusCode());
        assertEquals(200, nodes.on(UNCACHED, () -> second.post("/auth/logout", "")).statusCode());
        Instant loggedOut = Instant.now();
        assertRefused(nodes.on(UNCACHED, () -> secondReplay.get("/auth/me")), INVALID);
        assertRefusedWithin(CACHING, () -> secondReplay.get("/auth/me"), loggedOut, 401);
        assertRefused(nodes.on(CACHING, () -> secondReplay.get("/auth/me")), INVALID);
    }

    @Test
    void anAdminBanThroughOneNodeEndsTheUsersSessionsOnBoth() throws Exception {
        Browser admin = signedIn(github.createUser(TwoNodes.ADMIN_LOGIN));
        assertEquals("admin", json(admin.get("/auth/me")).getString("role"));
        Browser user = signedIn("banned");
        long userId = json(user.get("/auth/me")).getJsonNumber("id").longValue();
        assertEquals(200, nodes.on(CACHING, () -> user.get("/auth/me")).statusCode());
        String banned = AdminIT.BANNED + " Reason: Spamming across nodes";

        // 1. Banned through node-b: refused there at once, and by node-a within its cache bound.
        HttpResponse<String> ban = nodes.on(UNCACHED, () -> admin.post("/admin/users/" + userId + "/ban",
                "{\"reason\":\"Spamming across nodes\"}"));
        assertEquals(200, ban.statusCode(), ban.body());
        Instant bannedAt = Instant.now();
        assertProblem(nodes.on(UNCACHED, () -> user.get("/auth/me")), 403, banned);
        assertRefusedWithin(CACHING, () -> user.get("/auth/me"), bannedAt, 403);
        assertProblem(nodes.on(CACHING, () -> user.get("/auth/me")), 403, banned);
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL",
                userId));
    }

    @Test
    void aWebhookRevocationThroughOneNodeEndsTheSessionsOnBothAndARedeliveryToTheOtherDoesNothing()
            throws Exception {
        GitHubUser user = github.createUser("revoked-" + System.nanoTime());
        Browser browser = signedIn(user);
        assertEquals(200, nodes.on(UNCACHED, () -> browser.get("/auth/me")).statusCode());
        String delivery = UUID.randomUUID().toString();

        // 1. GitHub's delivery reaches node-a: the token and every session are gone, on both nodes.
        HttpResponse<String> processed = nodes.on(CACHING, () -> ClusterRacesIT.deliverRevocation(delivery, user));
        assertEquals("processed", json(processed).getString("status"), processed.body());
        assertRefused(nodes.on(CACHING, () -> browser.get("/auth/me")), INVALID);
        assertRefused(nodes.on(UNCACHED, () -> browser.get("/auth/me")), INVALID);
        assertTrue(StoredGitHubTokenRow.of(user.id()).isEmpty(), "the stored GitHub token was deleted");

        // 2. A new sign-in, then GitHub's redelivery of the same delivery reaches node-b: nothing happens.
        Browser again = signedIn(user);
        HttpResponse<String> redelivered = nodes.on(UNCACHED, () -> ClusterRacesIT.deliverRevocation(delivery, user));
        assertEquals("duplicate", json(redelivered).getString("status"), redelivered.body());
        assertEquals(200, nodes.on(CACHING, () -> again.get("/auth/me")).statusCode());
        assertEquals(200, nodes.on(UNCACHED, () -> again.get("/auth/me")).statusCode());
    }

    private Browser signedIn(String prefix) {
        return signedIn(github.createUser(prefix + "-" + System.nanoTime()));
    }

    private Browser signedIn(GitHubUser user) {
        return Operators.signedIn(TwoNodes.address(), github, user).onPage(origin());
    }

    static Browser browser() {
        return new Browser(TwoNodes.address()).onPage(origin());
    }

    private static String origin() {
        return TwoNodes.address().toString();
    }

    /** Another device with the same session token, which a logout does not clear. */
    private static Browser copyOf(Browser browser) {
        Browser copy = browser();
        copy.setCookie("access_token", browser.cookie("access_token").orElseThrow());
        return copy;
    }

    /** Asks {@code node} until it refuses with {@code status}, which must come within the default cache's bound. */
    private void assertRefusedWithin(String node, Supplier<HttpResponse<String>> request, Instant changed, int status)
            throws InterruptedException {
        Duration bound = DEFAULT_CACHE.plus(Duration.ofMillis(500));
        while (nodes.on(node, request).statusCode() != status) {
            assertTrue(Duration.between(changed, Instant.now()).compareTo(bound) < 0,
                    node + " still accepted the session " + bound.toMillis() + " ms after it ended");
            Thread.sleep(50);
        }
        System.out.printf("%s refused the ended session %d ms after it ended%n", node,
                Duration.between(changed, Instant.now()).toMillis());
    }

    /** Moves the session row's expiry to {@code left} from now and returns a token for it expiring then too. */
    private static String nearExpiry(SignedJWT issued, Duration left) throws Exception {
        Instant expiry = Instant.now().plus(left);
        TestDatabase.update("UPDATE sessions SET expires_at = ? WHERE id = ?", Timestamp.from(expiry),
                issued.getJWTClaimsSet().getStringClaim("sid"));
        byte[] key = KeyDerivation.signingKey(LatchkeyDeployment.SECRET_KEY);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID(KeyDerivation.keyId(key)).build(),
                new JWTClaimsSet.Builder(issued.getJWTClaimsSet()).expirationTime(Date.from(expiry)).build());
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static Instant storedExpiry(String sid) throws Exception {
        Object value = TestDatabase.value("SELECT expires_at FROM sessions WHERE id = ?", sid);
        return value instanceof OffsetDateTime at ? at.toInstant() : ((Timestamp) value).toInstant();
    }

    private static void assertAbout(Instant expected, Instant actual) {
        assertTrue(Duration.between(expected, actual).abs().toSeconds() < 30, expected + " vs " + actual);
    }
}
