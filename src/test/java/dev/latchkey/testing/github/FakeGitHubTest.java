package dev.latchkey.testing.github;

import static dev.latchkey.testing.github.TestClient.CALLBACK;
import static dev.latchkey.testing.github.TestClient.CLIENT_ID;
import static dev.latchkey.testing.github.TestClient.CLIENT_SECRET;
import static dev.latchkey.testing.github.TestClient.exchangeForm;
import static dev.latchkey.testing.github.TestClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAuth web flow of the fake, seen from a browser and from Latchkey's server over real HTTP. */
class FakeGitHubTest {

    private final TestClient client = new TestClient();
    private FakeGitHub github;
    private GitHubUser alice;

    @BeforeEach
    void start() {
        github = FakeGitHub.start();
        github.registerApp(CLIENT_ID, CLIENT_SECRET);
        alice = github.createUser("alice");
        github.signInAs(alice);
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void authorizeRedirectsBackWithCodeAndState() throws Exception {
        Map<String, String> callback = client.authorize(github, "client_id=" + CLIENT_ID
                + "&redirect_uri=" + CALLBACK + "%3Fnext%3D%252Fhome&scope=read%3Auser+user%3Aemail&state=xyz");

        assertTrue(callback.get("code").matches("[0-9a-f]{20}"), callback.toString());
        assertEquals("xyz", callback.get("state"));
        assertEquals("/home", callback.get("next"), "the callback's own query is kept");
    }

    @Test
    void codeBecomesATokenThatReadsTheUserWithItsScopes() throws Exception {
        HttpResponse<String> exchange = client.exchange(github, exchangeForm(client.code(github)), "application/json");

        assertEquals(200, exchange.statusCode());
        assertTrue(exchange.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonObject token = object(exchange);
        assertTrue(token.getString("access_token").matches("gho_[A-Za-z0-9]{36}"));
        assertEquals("bearer", token.getString("token_type"));
        assertEquals("read:user,user:email", token.getString("scope"));

        HttpResponse<String> user = client.api(github, "/user", token.getString("access_token"));
        assertEquals(200, user.statusCode());
        assertEquals("read:user, user:email", user.headers().firstValue("X-OAuth-Scopes").orElseThrow());
        assertEquals(alice.id(), object(user).getJsonNumber("id").longValue());
        assertEquals("alice", object(user).getString("login"));
        assertEquals(1, github.liveTokens(alice).size());
    }

    @Test
    void tokenAnswerIsFormEncodedUnlessJsonIsAccepted() throws Exception {
        HttpResponse<String> exchange = client.exchange(github, exchangeForm(client.code(github)), "*/*");

        assertTrue(exchange.headers().firstValue("Content-Type").orElseThrow()
                .startsWith("application/x-www-form-urlencoded"));
        assertTrue(exchange.body().matches("access_token=gho_[A-Za-z0-9]{36}&scope=read%3Auser%2Cuser%3Aemail"
                + "&token_type=bearer"), exchange.body());
    }

    @Test
    void aCodeWorksOnceAndItsReuseIsAnErrorInA200() throws Exception {
        String code = client.code(github);
        client.exchange(github, exchangeForm(code), "application/json");

        HttpResponse<String> reuse = client.exchange(github, exchangeForm(code), "application/json");

        assertEquals(200, reuse.statusCode());
        assertEquals("bad_verification_code", object(reuse).getString("error"));
        assertEquals("The code passed is incorrect or expired.", object(reuse).getString("error_description"));
        assertTrue(object(reuse).getString("error_uri").startsWith("https://docs.github.com/"));
    }

    @Test
    void aWrongPkceVerifierIsABadCodeAndBurnsIt() throws Exception {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        String code = client.authorize(github, "client_id=" + CLIENT_ID + "&redirect_uri=" + CALLBACK
                + "&state=s&code_challenge=" + challenge + "&code_challenge_method=S256").get("code");
        Map<String, String> form = new HashMap<>(exchangeForm(code));
        form.put("code_verifier", verifier + "x");

        assertEquals("bad_verification_code",
                object(client.exchange(github, form, "application/json")).getString("error"));
        form.put("code_verifier", verifier);
        assertEquals("bad_verification_code",
                object(client.exchange(github, form, "application/json")).getString("error"), "the code is gone");
    }

    @Test
    void theRightPkceVerifierGetsAToken() throws Exception {
        String code = client.authorize(github, "client_id=" + CLIENT_ID + "&redirect_uri=" + CALLBACK
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")
                .get("code");
        Map<String, String> form = new HashMap<>(exchangeForm(code));
        form.put("code_verifier", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        assertTrue(object(client.exchange(github, form, "application/json")).containsKey("access_token"));
    }

    @Test
    void aPlainPkceMethodIsRefusedOnTheRedirect() throws Exception {
        Map<String, String> callback = client.authorize(github, "client_id=" + CLIENT_ID + "&redirect_uri="
                + CALLBACK + "&state=s&code_challenge=abc&code_challenge_method=plain");

        assertEquals("invalid_request", callback.get("error"));
        assertEquals("s", callback.get("state"));
    }

    @Test
    void aDifferentRedirectUriIsAMismatch() throws Exception {
        Map<String, String> form = new HashMap<>(exchangeForm(client.code(github)));
        form.put("redirect_uri", "http://127.0.0.1:9999/elsewhere");

        HttpResponse<String> exchange = client.exchange(github, form, "application/json");

        assertEquals(200, exchange.statusCode());
        assertEquals("redirect_uri_mismatch", object(exchange).getString("error"));
    }

    @Test
    void aWrongSecretIsRefusedWithoutBurningTheCode() throws Exception {
        String code = client.code(github);
        Map<String, String> form = new HashMap<>(exchangeForm(code));
        form.put("client_secret", "wrong");

        assertEquals("incorrect_client_credentials",
                object(client.exchange(github, form, "application/json")).getString("error"));
        assertTrue(object(client.exchange(github, exchangeForm(code), "application/json"))
                .containsKey("access_token"));
    }
}
