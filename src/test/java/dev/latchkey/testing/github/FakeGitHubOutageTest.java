package dev.latchkey.testing.github;

import static dev.latchkey.testing.github.TestClient.CLIENT_ID;
import static dev.latchkey.testing.github.TestClient.CLIENT_SECRET;
import static dev.latchkey.testing.github.TestClient.exchangeForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GitHub being down, as Latchkey's HTTP client would notice it on the web and on the API endpoints. */
class FakeGitHubOutageTest {

    private final TestClient client = new TestClient();
    private FakeGitHub github;
    private String token;

    @BeforeEach
    void start() {
        github = FakeGitHub.start();
        github.registerApp(CLIENT_ID, CLIENT_SECRET);
        token = github.issueToken(github.createUser("alice"), CLIENT_ID, "read:user");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void aHangingGitHubRunsIntoTheClientTimeout() {
        github.setOutage(Outage.HANG);

        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(github.apiUrl() + "/user"))
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", "Latchkey-Test")
                .timeout(Duration.ofMillis(500));

        assertThrows(HttpTimeoutException.class, () -> client.send(request));
    }

    @Test
    void aResetConnectionIsAnIoError() {
        github.setOutage(Outage.CONNECTION_RESET);

        IOException error = assertThrows(IOException.class,
                () -> client.exchange(github, exchangeForm("0123456789abcdef0123"), "application/json"));

        assertFalse(error instanceof HttpTimeoutException, error.toString());
    }

    @Test
    void aServerErrorIsGitHubsUnicornPageEverywhere() throws Exception {
        github.setOutage(Outage.SERVER_ERROR);

        HttpResponse<String> api = client.api(github, "/user", token);
        HttpResponse<String> web = client.exchange(github, exchangeForm("0123456789abcdef0123"), "application/json");

        for (HttpResponse<String> response : List.of(api, web)) {
            assertEquals(502, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            assertTrue(response.body().contains("Unicorn!"), response.body());
        }
    }

    @Test
    void oneFailingEndpointAnswersItsStatusWhileTheOthersWork() throws Exception {
        String path = github.apiUrl().substring(github.apiUrl().indexOf("/api/v3")) + "/user/emails";
        String token = github.issueToken(github.createUser("bob"), CLIENT_ID, "read:user", "user:email");
        github.failEndpoint("GET", path, 500);
        github.failEndpoint("POST", "/login/oauth/access_token", 503);

        HttpResponse<String> emails = client.api(github, "/user/emails", token);
        HttpResponse<String> exchange = client.exchange(github, exchangeForm("0123456789abcdef0123"),
                "application/json");

        assertEquals(500, emails.statusCode());
        assertEquals("Server Error", TestClient.object(emails).getString("message"));
        assertEquals(503, exchange.statusCode());
        assertTrue(exchange.body().contains("Unicorn!"), exchange.body());
        assertEquals(200, client.api(github, "/user", token).statusCode());
        github.reset();
        assertEquals(200, client.api(github, "/user/emails", token).statusCode());
    }

    @Test
    void resetEndsTheOutage() throws Exception {
        github.setOutage(Outage.SERVER_ERROR);
        github.reset();

        assertEquals(200, client.api(github, "/user", token).statusCode());
    }
}
