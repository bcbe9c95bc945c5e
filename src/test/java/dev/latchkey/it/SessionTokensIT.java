package dev.latchkey.it;

import static dev.latchkey.it.GitHubSignInIT.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.crypto.KeyDerivation;
import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Session tokens are accepted only as issued: signed HS256 under Latchkey's key, unexpired, for a live session of
 * an existing user; from a Bearer header first, else the cookie.
 */
@ExtendWith(ArquillianExtension.class)
class SessionTokensIT {

    private static final String INVALID = "Invalid or expired token";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.shared();
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();
    private Browser browser;
    private String token;
    private SignedJWT issued;

    @BeforeEach
    void signIn() throws Exception {
        browser = new Browser(url.toURI());
        github.reset();
        GitHubUser user = github.createUser("tokens-" + System.nanoTime());
        GitHubSignIns.signIn(browser, github, user);
        token = browser.cookie("access_token").orElseThrow();
        issued = SignedJWT.parse(token);
    }

    @Test
    void theIssuedTokenIsAnHs256JwtWithKidAndTheDocumentedClaims() throws Exception {
        assertEquals(JWSAlgorithm.HS256, issued.getHeader().getAlgorithm());
        assertEquals(KeyDerivation.keyId(KeyDerivation.signingKey(LatchkeyDeployment.SECRET_KEY)),
                issued.getHeader().getKeyID());
        JWTClaimsSet claims = issued.getJWTClaimsSet();
        assertEquals("http://localhost:8080", claims.getIssuer());
        assertEquals(TestDatabase.value("SELECT user_id FROM sessions WHERE id = ?", claims.getStringClaim("sid"))
                .toString(), claims.getSubject());
        long lifetime = claims.getExpirationTime().getTime() - claims.getIssueTime().getTime();
        assertEquals(1440 * 60, Math.round(lifetime / 1000.0), 2);
    }

    @Test
    void aBearerTokenWorksAndWinsOverTheCookie() {
        Browser script = new Browser(browser.base());
        assertEquals(200, script.get("/auth/me", "Authorization", "Bearer " + token).statusCode());

        script.setCookie("access_token", "garbage");
        assertEquals(200, script.get("/auth/me", "Authorization", "Bearer " + token).statusCode());
        browser.setCookie("access_token", token);
        assertRefused(browser.get("/auth/me", "Authorization", "Bearer garbage"), INVALID);
    }

    @Test
    void withoutATokenTheCallerIsNotAuthenticatedButPublicRoutesStillAnswer() {
        Browser anonymous = new Browser(browser.base());
        assertRefused(anonymous.get("/auth/me"), "Not authenticated");
        anonymous.setCookie("access_token", "not-a-jwt");
        assertEquals(200, anonymous.get("/auth/providers").statusCode());
        assertRefused(anonymous.get("/auth/me"), INVALID);
    }

    @Test
    void aTokenIsAcceptedOnlyInTheSpellingItWasIssuedIn() {
        Browser script = new Browser(browser.base());
        String signature = token.substring(token.lastIndexOf('.') + 1);
        String signed = token.substring(0, token.lastIndexOf('.') + 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        // The same signature bytes: the last character's two unused bits set.
        String lastBitsSet = signed + signature.substring(0, 42)
                + alphabet.charAt(alphabet.indexOf(signature.charAt(42)) | 1);
        for (String respelled : new String[] {token + "!", token + "~~~~", lastBitsSet,
                signed + signature.substring(0, 10) + "!" + signature.substring(10)}) {
            assertRefused(script.get("/auth/me", "Authorization", "Bearer " + respelled), INVALID);
            browser.setCookie("access_token", respelled);
            assertRefused(browser.get("/auth/me"), INVALID);
        }
        assertEquals(200, script.get("/auth/me", "Authorization", "Bearer " + token).statusCode());
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = issued.getParsedParts()[1].toString();
        assertRefusedBearer(header + "." + payload + ".");
        assertRefusedBearer(header + "." + payload + "." + issued.getSignature());
    }

    @Test
    void aTokenSignedWithAnotherAlgorithmIsRefused() throws Exception {
        byte[] key = KeyDerivation.signingKey(LatchkeyDeployment.SECRET_KEY);
        byte[] longKey = new byte[64];
        System.arraycopy(key, 0, longKey, 0, 32);
        System.arraycopy(key, 0, longKey, 32, 32);
        assertRefusedBearer(sign(JWSAlgorithm.HS512, longKey, issued.getJWTClaimsSet()));

        SignedJWT rsa = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(issued.getHeader().getKeyID())
                .build(), issued.getJWTClaimsSet());
        rsa.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        assertRefusedBearer(rsa.serialize());
    }

    @Test
    void aChangedPayloadIsRefused() throws Exception {
        JWTClaimsSet other = new JWTClaimsSet.Builder(issued.getJWTClaimsSet()).subject("1").build();
        String[] parts = token.split("\\.");
        assertRefusedBearer(parts[0] + "." + base64(other.toString()) + "." + parts[2]);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        JWTClaimsSet expired = new JWTClaimsSet.Builder(issued.getJWTClaimsSet())
                .expirationTime(Date.from(Instant.now().minusSeconds(5))).build();
        assertRefusedBearer(sign(JWSAlgorithm.HS256, KeyDerivation.signingKey(LatchkeyDeployment.SECRET_KEY), expired));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        assertRefusedBearer(sign(JWSAlgorithm.HS256,
                KeyDerivation.signingKey("some-other-secret-key-of-32-characters-or-more"), issued.getJWTClaimsSet()));
    }

    @Test
    void aTokenOfAnEndedSessionIsRefused() throws Exception {
        TestDatabase.update("UPDATE sessions SET revoked_at = created_at WHERE id = ?",
                issued.getJWTClaimsSet().getStringClaim("sid"));
        TestDatabase.awaitNoticeOfOutsideChange();
        assertRefusedBearer(token);
    }

    @Test
    void aTokenOfADeletedUserSaysSo() throws Exception {
        TestDatabase.update("DELETE FROM users WHERE id = ?", Long.parseLong(issued.getJWTClaimsSet().getSubject()));
        TestDatabase.awaitNoticeOfOutsideChange();
        assertRefused(new Browser(browser.base()).get("/auth/me", "Authorization", "Bearer " + token),
                "User not found");
    }

    private void assertRefusedBearer(String forged) {
        assertRefused(new Browser(browser.base()).get("/auth/me", "Authorization", "Bearer " + forged), INVALID);
    }

    private static String sign(JWSAlgorithm algorithm, byte[] key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT)
                .keyID(KeyDerivation.keyId(KeyDerivation.signingKey(LatchkeyDeployment.SECRET_KEY))).build(), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
