package dev.latchkey.it;

import static dev.latchkey.it.GitHubSignInIT.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.crypto.KeyDerivation;
import dev.latchkey.crypto.TokenCipher;
import dev.latchkey.testing.github.FakeGitHub;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Active users stay signed in: a session close to expiry is renewed on use, never past its absolute limit; and a
 * rotated key keeps working until the operator removes it; ended sessions (and ended rate-limit windows) are purged
 * without blocking sign-ins.
 */
@ExtendWith(ArquillianExtension.class)
class SessionRenewalIT {

    private static final String PREVIOUS_KEY = "the-secret-key-this-deployment-rotated-away-from";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.withSettings(Map.of(
                "ACCESS_TOKEN_EXPIRE_MINUTES", "120",
                "SESSION_REFRESH_THRESHOLD_MINUTES", "60",
                "SESSION_MAX_LIFETIME_DAYS", "1",
                "PREVIOUS_SECRET_KEYS", PREVIOUS_KEY,
                "PURGE_INTERVAL_SECONDS", "2"));
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();
    private Browser browser;
    private SignedJWT issued;

    @BeforeEach
    void signIn() throws Exception {
        browser = new Browser(url.toURI());
        github.reset();
        GitHubSignIns.signIn(browser, github, github.createUser("renewal-" + System.nanoTime()));
        issued = SignedJWT.parse(browser.cookie("access_token").orElseThrow());
    }

    @Test
    void aFreshSessionIsNotRenewed() {
        HttpResponse<String> me = browser.get("/auth/me");
        assertEquals(200, me.statusCode());
        assertTrue(me.headers().firstValue("X-Access-Token").isEmpty());
        assertTrue(Browser.setCookieHeader(me, "access_token").isEmpty());
    }

    @Test
    void aBearerSessionCloseToExpiryIsRenewedInTheHeaderAndTheRowNeverInACookie() throws Exception {
        String nearExpiry = nearExpiry(Duration.ofMinutes(30));

        HttpResponse<String> me = bearer(nearExpiry);

        assertEquals(200, me.statusCode());
        String renewed = me.headers().firstValue("X-Access-Token").orElseThrow();
        Instant expiry = SignedJWT.parse(renewed).getJWTClaimsSet().getExpirationTime().toInstant();
        assertWithin(Instant.now().plus(Duration.ofMinutes(120)), expiry);
        assertEquals(issued.getJWTClaimsSet().getStringClaim("sid"), SignedJWT.parse(renewed).getJWTClaimsSet()
                .getStringClaim("sid"), "the same session");
        assertTrue(me.headers().allValues("Set-Cookie").isEmpty(), "a Bearer token never lands in a browser's jar: "
                + me.headers().allValues("Set-Cookie"));
        assertWithin(expiry, storedExpiry());
        assertEquals(200, bearer(renewed).statusCode());
    }

    @Test
    void aCookieSessionCloseToExpiryIsRenewedInTheCookieOnlySoNoTokenReachesJavaScript() throws Exception {
        String nearExpiry = nearExpiry(Duration.ofMinutes(30));
        browser.setCookie("access_token", nearExpiry);

        HttpResponse<String> me = browser.get("/auth/me");

        assertEquals(200, me.statusCode());
        assertTrue(me.headers().firstValue("X-Access-Token").isEmpty(), "no token in a header a page could read");
        String cookie = Browser.setCookieHeader(me, "access_token").orElseThrow();
        assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; Path=/"), cookie);
        SignedJWT renewed = SignedJWT.parse(browser.cookie("access_token").orElseThrow());
        Instant expiry = renewed.getJWTClaimsSet().getExpirationTime().toInstant();
        assertWithin(Instant.now().plus(Duration.ofMinutes(120)), expiry);
        assertEquals(sid(), renewed.getJWTClaimsSet().getStringClaim("sid"), "the same session");
        assertWithin(expiry, storedExpiry());
        HttpResponse<String> again = browser.get("/auth/me");
        assertEquals(200, again.statusCode());
        assertTrue(Browser.setCookieHeader(again, "access_token").isEmpty(), "renewed once, not on every request");
    }

    @Test
    void renewalNeverGoesPastTheAbsoluteLimitFromSignIn() throws Exception {
        TestDatabase.update("UPDATE sessions SET created_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(1)).plus(Duration.ofMinutes(20))), sid());
        TestDatabase.awaitNoticeOfOutsideChange();
        String nearExpiry = nearExpiry(Duration.ofMinutes(10));

        String renewed = bearer(nearExpiry).headers().firstValue("X-Access-Token").orElseThrow();

        Instant expiry = SignedJWT.parse(renewed).getJWTClaimsSet().getExpirationTime().toInstant();
        assertWithin(Instant.now().plus(Duration.ofMinutes(20)), expiry);
    }

    @Test
    void simultaneousRenewalsOfOneSessionAllLeaveItValid() throws Exception {
        String nearExpiry = nearExpiry(Duration.ofMinutes(30));
        List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(() -> bearer(nearExpiry));
        }

        for (HttpResponse<String> answer : Simultaneously.run(requests)) {
            assertEquals(200, answer.statusCode());
            assertEquals(200, bearer(answer.headers().firstValue("X-Access-Token").orElseThrow()).statusCode());
        }
        assertEquals(200, bearer(nearExpiry).statusCode(), "the old token stays valid until its own expiry");
    }

    @Test
    void whoamiNamesTheUserOrTheClientsLabel() throws Exception {
        JsonObject signedIn = json(browser.get("/auth/whoami?aid=7", "X-Actor-Id", "42"));
        long userId = Long.parseLong(issued.getJWTClaimsSet().getSubject());
        assertEquals(userId, signedIn.getJsonNumber("actor_id").longValue());
        assertEquals(userId, signedIn.getJsonObject("user").getJsonNumber("id").longValue());

        Browser anonymous = new Browser(browser.base());
        JsonObject header = json(anonymous.get("/auth/whoami?aid=7", "X-Actor-Id", "42"));
        assertTrue(header.isNull("user"));
        assertEquals(42, header.getInt("actor_id"));
        assertEquals(7, json(anonymous.get("/auth/whoami?aid=7")).getInt("actor_id"));
        assertEquals(0, json(anonymous.get("/auth/whoami", "Authorization", "Bearer expired.or.bad")).getInt("actor_id"));
    }

    @Test
    void aTokenSignedWithAPreviousKeyIsAcceptedAndRenewedUnderTheCurrentOne() throws Exception {
        String underPrevious = sign(KeyDerivation.signingKey(PREVIOUS_KEY), issued.getJWTClaimsSet());

        HttpResponse<String> me = bearer(underPrevious);

        assertEquals(200, me.statusCode());
        SignedJWT renewed = SignedJWT.parse(me.headers().firstValue("X-Access-Token").orElseThrow());
        assertEquals(issued.getHeader().getKeyID(), renewed.getHeader().getKeyID(), "re-signed with the current key");
        assertEquals(sid(), renewed.getJWTClaimsSet().getStringClaim("sid"));
    }

    @Test
    void aGitHubTokenEncryptedUnderAPreviousKeyIsUsedAndReEncryptedUnderTheCurrentOne() throws Exception {
        long userId = Long.parseLong(issued.getJWTClaimsSet().getSubject());
        String live = (String) TestDatabase.value("SELECT access_token FROM github_tokens WHERE user_id = ?", userId);
        TokenCipher current = new TokenCipher(KeyDerivation.fernetKey(LatchkeyDeployment.SECRET_KEY));
        TokenCipher previous = new TokenCipher(KeyDerivation.fernetKey(PREVIOUS_KEY));
        String token = current.decrypt(live).value();
        TestDatabase.update("UPDATE github_tokens SET access_token = ? WHERE user_id = ?", previous.encrypt(token),
                userId);

        assertEquals(200, browser.get("/auth/github/scopes").statusCode(), "read with the previous key");

        String rewritten = (String) TestDatabase.value("SELECT access_token FROM github_tokens WHERE user_id = ?",
                userId);
        assertEquals(token, current.decrypt(rewritten).value(), "now under the current key");
        org.junit.jupiter.api.Assertions.assertThrows(dev.latchkey.crypto.UnreadableTokenException.class,
                () -> previous.decrypt(rewritten));
    }

    @Test
    void aTokenSignedWithAKeyNoLongerListedIsRefused() throws Exception {
        String underRemoved = sign(KeyDerivation.signingKey("a-key-removed-from-previous-secret-keys"),
                issued.getJWTClaimsSet());
        GitHubSignInIT.assertRefused(bearer(underRemoved), "Invalid or expired token");
    }

    @Test
    void aHundredThousandExpiredSessionsArePurgedWhileSignInsGoOn() throws Exception {
        long userId = Long.parseLong(issued.getJWTClaimsSet().getSubject());
        String marker = "purge-" + System.nanoTime();
        plantExpiredSessions(userId, marker, 100_000);

        HttpResponse<String> duringPurge = GitHubSignIns.signIn(new Browser(browser.base()), github,
                github.createUser("during-purge-" + System.nanoTime()));
        assertEquals(302, duringPurge.statusCode(), "a sign-in is not blocked by the purge");

        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        long left;
        do {
            Thread.sleep(1000);
            left = TestDatabase.count("SELECT COUNT(*) FROM sessions WHERE user_agent = ?", marker);
        } while (left > 0 && Instant.now().isBefore(deadline));
        assertEquals(0, left, "every expired row was purged");
        assertEquals(200, browser.get("/auth/me").statusCode(), "live sessions stay");
    }

    @Test
    void onlyOneNodePurgesAtATime() throws Exception {
        Assumptions.assumeTrue(TestDatabase.url().startsWith("jdbc:postgresql:"),
                "on H2 one node is assumed; nodes sharing PostgreSQL take turns by an advisory lock");
        long userId = Long.parseLong(issued.getJWTClaimsSet().getSubject());
        String marker = "purge-held-" + System.nanoTime();
        try (java.sql.Connection otherNode = TestDatabase.connect();
             java.sql.Statement lock = otherNode.createStatement()) {
            // (1) Another node is purging: it holds the purge's lock.
            lock.execute("SELECT pg_advisory_lock(" + 0x4c4b505552474531L + ")");
            plantExpiredSessions(userId, marker, 10);
            Thread.sleep(5000);
            assertEquals(10, TestDatabase.count("SELECT COUNT(*) FROM sessions WHERE user_agent = ?", marker),
                    "this server left the rows to the node purging");
            // (2) That node stops (or dies): this one purges at its next turn.
            lock.execute("SELECT pg_advisory_unlock(" + 0x4c4b505552474531L + ")");
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        long left;
        do {
            Thread.sleep(500);
            left = TestDatabase.count("SELECT COUNT(*) FROM sessions WHERE user_agent = ?", marker);
        } while (left > 0 && Instant.now().isBefore(deadline));
        assertEquals(0, left);
    }

    @Test
    void endedRateLimitWindowsArePurgedInBatchesAndLiveOnesStay() throws Exception {
        // (1) More ended windows than one purge batch holds, and one window still running
        String marker = "purge-windows-" + System.nanoTime();
        List<String> ended = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            ended.add(RateLimitWindows.bucket(marker + "-" + i));
        }
        RateLimitWindows.plant(ended, 5, 61);
        String live = RateLimitWindows.bucket(marker + "-live");
        RateLimitWindows.plant(List.of(live), 3, 10);

        // (2) The purge removes every ended one and leaves the running one counting
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        long left;
        do {
            Thread.sleep(1000);
            left = TestDatabase.count("SELECT COUNT(*) FROM rate_limit_windows WHERE expires_at < CURRENT_TIMESTAMP");
        } while (left > 0 && Instant.now().isBefore(deadline));
        assertEquals(0, left, "every ended window was purged");
        assertEquals(3, RateLimitWindows.attempts(live), "the running window stays");
    }

    private static void plantExpiredSessions(long userId, String marker, int count) throws Exception {
        Timestamp past = Timestamp.from(Instant.now().minus(Duration.ofDays(2)));
        try (java.sql.Connection connection = TestDatabase.connect();
             java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO sessions (id, user_id, "
                     + "created_at, expires_at, last_seen_at, user_agent) VALUES (?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                insert.setString(1, marker + "-" + i);
                insert.setLong(2, userId);
                insert.setTimestamp(3, past);
                insert.setTimestamp(4, past);
                insert.setTimestamp(5, past);
                insert.setString(6, marker);
                insert.addBatch();
                if (i % 5000 == 4999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private HttpResponse<String> bearer(String token) {
        return new Browser(browser.base()).get("/auth/me", "Authorization", "Bearer " + token);
    }

    /** Moves the row's expiry near and signs a token that says the same, as if time had passed. */
    private String nearExpiry(Duration left) throws Exception {
        Instant expiry = Instant.now().plus(left);
        TestDatabase.update("UPDATE sessions SET expires_at = ? WHERE id = ?", Timestamp.from(expiry), sid());
        JWTClaimsSet claims = new JWTClaimsSet.Builder(issued.getJWTClaimsSet())
                .expirationTime(Date.from(expiry)).build();
        return sign(KeyDerivation.signingKey(LatchkeyDeployment.SECRET_KEY), claims);
    }

    private static String sign(byte[] key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID(KeyDerivation.keyId(key)).build(), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private String sid() throws Exception {
        return issued.getJWTClaimsSet().getStringClaim("sid");
    }

    private Instant storedExpiry() throws Exception {
        Object value = TestDatabase.value("SELECT expires_at FROM sessions WHERE id = ?", sid());
        return value instanceof java.time.OffsetDateTime odt ? odt.toInstant() : ((Timestamp) value).toInstant();
    }

    private static void assertWithin(Instant expected, Instant actual) {
        assertTrue(Duration.between(expected, actual).abs().toSeconds() < 30, expected + " vs " + actual);
    }
}
