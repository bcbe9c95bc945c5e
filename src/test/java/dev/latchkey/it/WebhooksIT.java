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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    // GitHub's published test vector (docs: "Validating webhook deliveries"), so the server can be given it.
    static final String SECRET = LatchkeyDeployment.WEBHOOK_SECRET;
    static final String VECTOR_BODY = "Hello, World!";
    static final String VECTOR_SIGNATURE =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    static final String PATH = "/webhooks/github";
    static final int MEGABYTE = 1024 * 1024;
    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.shared();
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
        assertProblem(send(body, "X-Hub-Signature-256", signature, "X-GitHub-Event", "ping"), 400,
                "Missing or malformed X-GitHub-Delivery header");
    }

    @Test
    void githubsPublishedTestVectorIsAccepted() {
        // (1) The literal signature GitHub documents, over its body: a payload Latchkey does not read is only signed
        HttpResponse<String> star = send(VECTOR_BODY, "X-Hub-Signature-256", VECTOR_SIGNATURE,
                "X-GitHub-Event", "star", "X-GitHub-Delivery", newDelivery());
        assertEquals(200, star.statusCode(), star.body());
        assertEquals("ignored", json(star).getString("status"));
        assertEquals("no-store", star.headers().firstValue("Cache-Control").orElse(""));
        // (2) A payload Latchkey reads must be JSON, once the signature matched
        assertProblem(send(VECTOR_BODY, "X-Hub-Signature-256", VECTOR_SIGNATURE, "X-GitHub-Event", "ping",
                "X-GitHub-Delivery", newDelivery()), 400, "The webhook payload must be a JSON object");
        assertProblem(send(VECTOR_BODY + " ", "X-Hub-Signature-256", VECTOR_SIGNATURE, "X-GitHub-Event", "star",
                "X-GitHub-Delivery", newDelivery()), 401, "Invalid webhook signature");
        // (3) Java's HttpClient asks to upgrade to HTTP/2: the same answers (the body is read on the request thread)
        Browser upgrading = new Browser(base).asScript();
        HttpResponse<String> upgraded = upgrading.post(PATH, VECTOR_BODY, "X-Hub-Signature-256", VECTOR_SIGNATURE,
                "X-GitHub-Event", "star", "X-GitHub-Delivery", newDelivery());
        assertEquals(200, upgraded.statusCode(), upgraded.body());
        assertProblem(upgrading.post(PATH, VECTOR_BODY + " ", "X-Hub-Signature-256", VECTOR_SIGNATURE,
                "X-GitHub-Event", "star", "X-GitHub-Delivery", newDelivery()), 401, "Invalid webhook signature");
        // (4) Other methods, and the OpenAPI document
        HttpResponse<String> get = new Browser(base).get(PATH);
        assertProblem(get, 405, "This method is not allowed here.");
        assertTrue(new Browser(base).get("/openapi").body().contains(PATH + ":"), "OpenAPI lists the webhook");
    }

    @Test
    void anUnsignedOrBadlySignedBodyIsRefusedBeforeItIsSent() throws Exception {
        // (1) Twenty megabytes announced, one byte sent: the answer comes without the rest
        String missing = exchange(head(20L * MEGABYTE, "ping", null), "{".getBytes(StandardCharsets.UTF_8));
        assertRefusal(missing, 401, "Missing X-Hub-Signature-256 header");
        // (2) Not GitHub's form: sha256= and 64 lower-case hex digits
        for (String malformed : new String[] {"sha256=00", "sha256=" + VECTOR_SIGNATURE.substring(7)
                .toUpperCase(Locale.ROOT), VECTOR_SIGNATURE.substring(7), VECTOR_SIGNATURE + " x"}) {
            assertRefusal(exchange(head(20L * MEGABYTE, "ping", malformed), "{".getBytes(StandardCharsets.UTF_8)),
                    401, "Invalid webhook signature");
        }
        // (3) A well-formed signature of a payload Latchkey reads: over 1 MB is refused by its length alone
        assertRefusal(exchange(head(MEGABYTE + 1L, "github_app_authorization", VECTOR_SIGNATURE),
                "{".getBytes(StandardCharsets.UTF_8)), 413, "The request body is too large.");
        assertEquals(200, deliver("ping", newDelivery(), "{}").statusCode(), "the server still answers");
    }

    @Test
    void aBodyOfUnknownLengthMustBeChunkedAndIsCountedWhileItArrives() throws Exception {
        // (1) Neither Content-Length nor chunks
        String noLength = "POST " + PATH + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                + "Content-Type: application/json\r\nX-GitHub-Event: ping\r\nX-GitHub-Delivery: " + newDelivery()
                + "\r\nX-Hub-Signature-256: " + sign(SECRET, "") + "\r\n\r\n";
        assertRefusal(exchange(noLength, new byte[0]), 411, "Send the webhook body with a Content-Length header");

        // (2) Chunked (as HttpClient sends a stream): read, signed and processed
        String ping = "{\"zen\":\"Design for failure.\"}";
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(PATH))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "ping")
                .header("X-GitHub-Delivery", newDelivery()).header("X-Hub-Signature-256", sign(SECRET, ping))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        ping.getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, chunked.statusCode(), chunked.body());
        assertEquals("ok", json(chunked).getString("status"));

        // (3) A chunked payload Latchkey reads is cut off after 1 MB, whatever its signature
        String head = "POST " + PATH + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-GitHub-Event: ping\r\n"
                + "X-GitHub-Delivery: " + newDelivery() + "\r\nX-Hub-Signature-256: " + VECTOR_SIGNATURE
                + "\r\n\r\n" + Integer.toHexString(MEGABYTE + 1) + "\r\n";
        assertRefusal(exchange(head, new byte[MEGABYTE + 1]), 413, "The request body is too large.");
    }

    @Test
    void slowSendersAreCutOffAndOnlyAFewBodiesAreReadAtOnce() throws Exception {
        assertEquals(200, deliver("ping", newDelivery(), "{}").statusCode(), "a first delivery warms the server");
        // (1) Eight senders announce 100 bytes and send 10
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                socket.setSoTimeout(25_000);
                socket.getOutputStream().write((head(100, "ping", sign(SECRET, "x".repeat(100))) + "x".repeat(10))
                        .getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            // (2) Four bodies are read at once: the other senders are turned away at once, the four are answered 408
            // once their body took 10 seconds
            List<String> answers = new ArrayList<>();
            for (Socket socket : slow) {
                answers.add(answer(socket.getInputStream()));
            }
            List<String> busy = answers.stream().filter(answer -> answer.startsWith("HTTP/1.1 503 ")).toList();
            List<String> cutOff = answers.stream().filter(answer -> answer.startsWith("HTTP/1.1 408 ")).toList();
            assertEquals(4, busy.size(), answers.toString());
            assertEquals(4, cutOff.size(), answers.toString());
            for (String answer : busy) {
                assertRefusal(answer, 503, "Too many webhook deliveries at once; try again in a moment");
                assertTrue(answer.contains("Retry-After: 10\r\n"), answer);
            }
            for (String answer : cutOff) {
                assertRefusal(answer, 408, "The webhook body did not arrive within 10 seconds");
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        // (3) Their places are free again
        assertEquals(200, deliver("ping", newDelivery(), "{}").statusCode());
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
                // Only a few bodies are read at once: a copy turned away with 503 is sent again, as GitHub's
                // "Redeliver" would.
                for (int retry = 0; answer.statusCode() == 503 && retry < 100; retry++) {
                    Thread.sleep(50);
                    answer = deliver("github_app_authorization", delivery, body);
                }
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
        assertRefusal(exchange(head(25L * MEGABYTE + 1, "ping", "sha256=00"),
                "{".getBytes(StandardCharsets.US_ASCII)), 413, "The request body is too large.");
        assertEquals(200, deliver("ping", newDelivery(), "{}").statusCode(), "the server still answers");
    }

    /** A request head for a delivery of {@code length} bytes; no signature header when {@code signature} is null. */
    private String head(long length, String event, String signature) {
        return "POST " + PATH + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n"
                + "X-GitHub-Event: " + event + "\r\nX-GitHub-Delivery: " + newDelivery() + "\r\n"
                + (signature == null ? "" : "X-Hub-Signature-256: " + signature + "\r\n") + "\r\n";
    }

    /**
     * Sends {@code head} and the first bytes of a body, then reads the answer; an answer that waits for the rest of
     * the body never comes (the read times out).
     */
    private String exchange(String head, byte[] bodyStart) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bodyStart);
            out.flush();
            return answer(socket.getInputStream());
        }
    }

    /** One HTTP/1.1 answer: its head and the body its Content-Length announces. */
    private static String answer(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next == -1) {
                break;
            }
            head.write(next);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
        return text + (length.find() ? new String(in.readNBytes(Integer.parseInt(length.group(1))),
                StandardCharsets.UTF_8) : "");
    }

    /** A raw answer: the status, a problem with this detail, and the connection to be closed by the server. */
    private static void assertRefusal(String answer, int status, String detail) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("connection: close"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("\"detail\":\"" + detail + "\""), answer);
    }

    private HttpResponse<String> deliver(String event, String delivery, String body) {
        return send(body, "X-Hub-Signature-256", sign(SECRET, body), "X-GitHub-Event", event,
                "X-GitHub-Delivery", delivery);
    }

    /** As GitHub posts: HTTP/1.1, no cookie, no Origin. */
    private HttpResponse<String> send(String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(PATH)).version(HttpClient.Version.HTTP_1_1)
                .timeout(java.time.Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP_1_1.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("Request failed: POST " + PATH, e);
        }
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
