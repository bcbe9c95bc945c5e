package dev.latchkey.it;

import static dev.latchkey.it.GitHubCallbackFailuresIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.crypto.KeyDerivation;
import dev.latchkey.crypto.TokenCipher;
import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GitHub tokens at rest: Fernet-encrypted under the key derived from SECRET_KEY, legacy plaintext values still
 * usable until the next sign-in, and values no key can read never sent to GitHub.
 */
@ExtendWith(ArquillianExtension.class)
class StoredGitHubTokensIT {

    private static final String TOKEN_OF_USER = "SELECT t.access_token FROM github_tokens t JOIN users u "
            + "ON u.id = t.user_id WHERE u.github_id = ?";
    private static final String SET_TOKEN = "UPDATE github_tokens SET access_token = ? "
            + "WHERE user_id = (SELECT id FROM users WHERE github_id = ?)";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.shared();
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();
    private final TokenCipher cipher = new TokenCipher(KeyDerivation.fernetKey(LatchkeyDeployment.SECRET_KEY));
    private Browser browser;
    private GitHubUser user;

    @BeforeEach
    void signIn() throws Exception {
        browser = new Browser(url.toURI());
        github.reset();
        user = github.createUser("stored-" + System.nanoTime());
        GitHubSignIns.signIn(browser, github, user);
    }

    @Test
    void aTokenEncryptedElsewhereWithTheSameSecretKeyIsUsed() throws Exception {
        String live = github.liveTokens(user).iterator().next();
        // Written the way the Python systems did: Fernet under urlsafe_b64encode(sha256(SECRET_KEY)).
        TestDatabase.update(SET_TOKEN, cipher.encrypt(live), user.id());

        assertEquals(200, browser.get("/auth/github/scopes").statusCode());
    }

    @Test
    void aLegacyPlaintextTokenIsUsedAsItIsAndEncryptedAtTheNextSignIn() throws Exception {
        String live = github.liveTokens(user).iterator().next();
        TestDatabase.update(SET_TOKEN, live, user.id());
        int calls = github.requests("GET", "/api/v3/user").size();

        assertEquals(200, browser.get("/auth/github/scopes").statusCode());
        assertEquals(calls + 1, github.requests("GET", "/api/v3/user").size(), "GitHub was asked with the token");

        GitHubSignIns.signIn(new Browser(browser.base()), github, user);
        String stored = (String) TestDatabase.value(TOKEN_OF_USER, user.id());
        assertFalse(stored.startsWith("gho_"), "no longer plaintext");
        assertTrue(github.liveTokens(user).contains(cipher.decrypt(stored).value()));
    }

    @Test
    void aTokenNoKeyCanDecryptAsksTheUserToSignInAgainAndIsNeverSentToGitHub() throws Exception {
        TokenCipher oldKey = new TokenCipher(KeyDerivation.fernetKey("the-secret-key-before-it-was-changed-000"));
        TestDatabase.update(SET_TOKEN, oldKey.encrypt(github.liveTokens(user).iterator().next()), user.id());
        int calls = github.requests("GET", "/api/v3/user").size();

        assertProblem(browser.get("/auth/github/scopes"), 401, "Session expired — please log out and sign in again");
        assertEquals(calls, github.requests("GET", "/api/v3/user").size(), "nothing was sent to GitHub");
    }

    @Test
    void reconnectWithAnUnreadableTokenStillStartsAFreshAuthorizationWithoutSendingIt() throws Exception {
        TestDatabase.update(SET_TOKEN, "gAAAAABgarbage-that-is-no-fernet-token", user.id());
        int revocations = github.requests("DELETE", "/api/v3/applications/").size();

        assertEquals(302, browser.get("/auth/github/reconnect").statusCode());
        assertEquals(revocations, github.requests("DELETE", "/api/v3/applications/").size());
    }

    @Test
    void aTokenRevokedOnGitHubIsReportedAsExpiredAuthorization() {
        github.revokeAllTokens(user);

        assertProblem(browser.get("/auth/github/scopes"), 401,
                "GitHub authorization expired — please sign in with GitHub again");
    }
}
