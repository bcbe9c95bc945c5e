package dev.latchkey.it;

import static dev.latchkey.it.Operators.assertProblem;
import static dev.latchkey.it.Operators.auditRows;
import static dev.latchkey.it.Operators.id;
import static dev.latchkey.it.Operators.json;
import static dev.latchkey.it.Operators.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.testing.github.FakeGitHub;
import dev.latchkey.testing.github.GitHubUser;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GitHub tells Latchkey that a user revoked the app: only signed deliveries count, each once, and the user's token
 * and sessions are gone at once.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {

    static final String SECRET = "webhook-secret-" + Long.toString(System.nanoTime(), 36);
    static final String PATH = "/webhooks/github";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.withSettings(Map.of("GITHUB_WEBHOOK_SECRET", SECRET));
    }

    @ArquillianResource
    URL url;

    private final FakeGitHub github = LatchkeyDeployment.github();
    private URI base;

    @BeforeEach
    void reset() throws Exception {
        github.reset();
        base = url.toURI();
    }

    @Test
    void aSignedPingIsAnswered() {
        HttpResponse<String> answer = deliver("ping", newDelivery(), "{\"zen\":\"Keep it logically awesome.\"}");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("ok", json(answer).getString("status"));
    }

    @Test
    void anythingButGitHubsSignatureOverTheExactBodyIsRefused() {
        String body = revocation(12345);
        String signature = sign(SECRET, body);
        assertProblem(send(body, "X-GitHub-Event", "ping", "X-GitHub-Delivery", newDelivery()), 401,
                "Missing X-Hub-Signature-256 header");
        assertProblem(send(body, "X-Hub-Signature", "sha1=0123456789abcdef0123456789abcdef01234567",
                "X-GitHub-Event", "ping", "X-GitHub-Delivery", newDelivery()), 401,
                "Missing X-Hub-Signature-256 header");
        for (String wrong : new String[] {sign("another-secret", body), "sha256=" + signature.substring(7)
                .toUpperCase(Locale.ROOT), signature.substring(7), "sha256=", "sha1=" + signature.substring(7)}) {
            assertProblem(send(body, "X-Hub-Signature-256", wrong, "X-GitHub-Event", "ping",
                    "X-GitHub-Delivery", newDelivery()), 401, "Invalid webhook signature");
        }
        String changed = body.replace("12345", "12346");
        assertProblem(send(changed, "X-Hub-Signature-256", signature, "X-GitHub-Event", "github_app_authorization",
                "X-GitHub-Delivery", newDelivery()), 401, "Invalid webhook signature");
        String notJson = "not json";
        assertProblem(send(notJson, "X-Hub-Signature-256", sign(SECRET, notJson), "X-GitHub-Event", "ping",
                "X-GitHub-Delivery", newDelivery()), 400, "The webhook payload must be a JSON object");
    }

    @Test
    void aRevocationDeletesTheTokenEndsEverySessionAndIsProcessedOnce() throws Exception {
        GitHubUser octo = github.createUser("revoker-" + System.nanoTime());
        Browser laptop = signedIn(base, github, octo);
        Browser phone = signedIn(base, github, octo);
        long userId = id(laptop);
        String delivery = newDelivery();

        HttpResponse<String> first = deliver("github_app_authorization", delivery, revocation(octo.id()));
        assertEquals("processed", json(first).getString("status"), first.body());
        GitHubSignInIT.assertRefused(laptop.get("/auth/me"), "Invalid or expired token");
        GitHubSignInIT.assertRefused(phone.get("/auth/me"), "Invalid or expired token");
        assertEquals(0, TestDatabase.count("SELECT COUNT(*) FROM github_tokens WHERE user_id = ?", userId));
        assertEquals(1, auditRows("github_authorization_revoked", userId));

        // A redelivery reuses the GUID: no second effect
        Browser again = signedIn(base, github, octo);
        HttpResponse<String> redelivered = deliver("github_app_authorization", delivery, revocation(octo.id()));
        assertEquals(200, redelivered.statusCode());
        assertEquals("duplicate", json(redelivered).getString("status"));
        assertEquals(userId, id(again), "the new session lives");
        assertEquals(1, auditRows("github_authorization_revoked", userId));
        // Other actions and events change nothing
        assertEquals("ignored", json(deliver("github_app_authorization", newDelivery(),
                revocation(octo.id()).replace("revoked", "created"))).getString("status"));
        assertEquals("ignored", json(deliver("star", newDelivery(), revocation(octo.id()))).getString("status"));
        assertEquals(userId, id(again));
    }

    @Test
    void aHundredSimultaneousCopiesOfADeliveryHaveOneEffect() throws Exception {
        GitHubUser octo = github.createUser("racer-" + System.nanoTime());
        long userId = id(signedIn(base, github, octo));
        String delivery = newDelivery();
        String body = revocation(octo.id());
        List<Callable<String>> copies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            copies.add(() -> {
                HttpResponse<String> answer = deliver("github_app_authorization", delivery, body);
                return answer.statusCode() + " " + (answer.statusCode() == 200 ? json(answer).getString("status")
                        : answer.body());
            });
        }

        List<String> answers = Simultaneously.run(copies);

        assertEquals(1, answers.stream().filter("200 processed"::equals).count(), answers.toString());
        assertEquals(99, answers.stream().filter("200 duplicate"::equals).count(), answers.toString());
        assertEquals(1, auditRows("github_authorization_revoked", userId));
        assertEquals(1, TestDatabase.count("SELECT COUNT(*) FROM webhook_deliveries WHERE delivery_id = ?", delivery));
    }

    @Test
    void aBodyDeclaredOverTwentyFiveMegabytesIsRefusedBeforeItIsRead() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (25L * 1024 * 1024 + 1) + "\r\n"
                    + "X-GitHub-Event: ping\r\nX-GitHub-Delivery: " + newDelivery() + "\r\n"
                    + "X-Hub-Signature-256: sha256=00\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", statusLine);
        }
        assertTrue(deliver("ping", newDelivery(), "{}").statusCode() == 200, "the server still answers");
    }

    private HttpResponse<String> deliver(String event, String delivery, String body) {
        return send(body, "X-Hub-Signature-256", sign(SECRET, body), "X-GitHub-Event", event,
                "X-GitHub-Delivery", delivery);
    }

    /** As GitHub posts: no cookie, no Origin. */
    private HttpResponse<String> send(String body, String... headers) {
        return new Browser(base).asScript().post(PATH, body, headers);
    }

    private static String revocation(long githubId) {
        return "{\"action\":\"revoked\",\"sender\":{\"login\":\"someone\",\"id\":" + githubId + ",\"type\":\"User\"}}";
    }

    private static String newDelivery() {
        return java.util.UUID.randomUUID().toString();
    }

    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            StringBuilder hex = new StringBuilder("sha256=");
            for (byte b : mac.doFinal(body.getBytes(StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
