package dev.latchkey.it;

import static dev.latchkey.it.GitHubSignInIT.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The answers of /health and /openapi (the server's own endpoints on Payara, the WAR's on WildFly and Open Liberty)
 * and of requests the server refuses itself, on each server as docs/deploy.md describes them: problem+json where the
 * server can be made to, the documented exception where it cannot.
 */
@ExtendWith(ArquillianExtension.class)
class ContainerErrorsIT {

    private static final String SERVER = System.getProperty("latchkey.server", "payara");
    /** Payara Micro (payara) and Payara Server (payara-server) answer these alike. */
    private static final boolean PAYARA = SERVER.startsWith("payara");
    private static final String FOREIGN = "https://elsewhere.example";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return LatchkeyDeployment.shared();
    }

    @ArquillianResource
    URL url;

    private Browser script() {
        return new Browser(java.net.URI.create(url.toString())).asScript();
    }

    @Test
    void unknownPathsBelowHealthAndOpenApiAreNotFound() {
        assertServerProblem(script().get("/health/unknown"), 404);
        assertServerProblem(script().get("/health/live/x"), 404);
        assertServerProblem(script().get("/openapi/unknown"), 404);
        assertServerProblem(script().get("/openapi/ui"), 404);
    }

    @Test
    void healthReportsTheDatabaseAsMicroProfileHealthDoes() {
        for (String path : new String[] {"/health", "/health/ready"}) {
            HttpResponse<String> answer = script().get(path);
            assertEquals(200, answer.statusCode(), path);
            assertEquals("application/json", contentType(answer), path);
            assertEquals("UP", json(answer).getString("status"), path);
            assertTrue(json(answer).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .anyMatch(check -> check.getString("name").equals("database")
                            && check.getString("status").equals("UP")), answer.body());
        }
        HttpResponse<String> anyType = script().get("/health/ready", "Accept", "text/plain");
        assertEquals(200, anyType.statusCode(), "a probe's Accept does not matter");
        assertEquals("application/json", contentType(anyType));
        for (String path : new String[] {"/health/live", "/health/started"}) {
            HttpResponse<String> answer = script().get(path);
            assertEquals(200, answer.statusCode(), path);
            assertEquals("UP", json(answer).getString("status"), path);
        }
    }

    @Test
    void openApiIsYamlUnlessJsonIsAskedFor() {
        HttpResponse<String> yaml = script().get("/openapi");
        assertEquals(200, yaml.statusCode());
        assertTrue(contentType(yaml).startsWith("text/plain"), contentType(yaml));
        assertTrue(yaml.body().contains("openapi: 3.0.3"), yaml.body());
        for (HttpResponse<String> answer : List.of(script().get("/openapi?format=JSON"),
                script().get("/openapi", "Accept", "application/json"),
                script().get("/openapi", "Accept", "application/json;q=0.9"))) {
            assertEquals(200, answer.statusCode());
            assertTrue(contentType(answer).startsWith("application/json"), contentType(answer));
            assertEquals("3.0.3", json(answer).getString("openapi"));
            assertTrue(json(answer).getJsonObject("paths").containsKey("/auth/me"), answer.body());
            assertFalse(json(answer).getJsonObject("paths").containsKey("/health"), "not part of the API");
        }
    }

    @Test
    void healthAnswersOnlyGetAndHead() {
        assertEquals(200, script().get("/health/ready").statusCode());
        assertEquals(200, script().send("HEAD", "/health/live").statusCode());
        for (String method : new String[] {"POST", "PUT", "DELETE", "OPTIONS"}) {
            HttpResponse<String> answer = script().send(method, "/health/ready");
            assertServerProblem(answer, 405);
            assertEquals("GET, HEAD", answer.headers().firstValue("Allow").orElse(""), method);
        }
    }

    @Test
    void openApiAnswersOtherMethodsWith405() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            HttpResponse<String> answer = script().send(method, "/openapi");
            assertServerProblem(answer, 405);
            assertEquals("GET, HEAD, OPTIONS", answer.headers().firstValue("Allow").orElse(""), method);
        }
    }

    @Test
    void optionsOnOpenApiListsTheMethodsAndNothingElse() {
        HttpResponse<String> answer = script().send("OPTIONS", "/openapi");
        assertEquals(200, answer.statusCode());
        assertEquals("", answer.body());
        String allow = answer.headers().firstValue("Allow").orElse("").replace(" ", "");
        assertEquals("GET,HEAD,OPTIONS", allow);
        assertTrue(answer.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), answer.headers().toString());
    }

    @Test
    void optionsOnALatchkeyRouteNamesNoImplementation() {
        HttpResponse<String> answer = script().send("OPTIONS", "/auth/me");
        assertTrue(answer.statusCode() < 300, answer.statusCode() + " " + answer.body());
        assertTrue(answer.headers().firstValue("Allow").orElse("").contains("GET"), answer.headers().toString());
        assertFalse(answer.body().toLowerCase(Locale.ROOT).contains("wadl"), answer.body());
        assertFalse(answer.body().toLowerCase(Locale.ROOT).contains("jersey"), answer.body());
    }

    @Test
    void openApiIsReadableCrossOriginOnlyByLatchkeysFrontends() {
        HttpResponse<String> foreign = script().get("/openapi", "Origin", FOREIGN);
        assertEquals(200, foreign.statusCode());
        assertTrue(foreign.body().contains("/auth/me:"), "the document itself");
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), foreign.headers().toString());
        assertTrue(foreign.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());

        HttpResponse<String> frontend = script().get("/openapi", "Origin", LatchkeyDeployment.CORS_FRONTEND);
        assertEquals(Optional.of(LatchkeyDeployment.CORS_FRONTEND),
                frontend.headers().firstValue("Access-Control-Allow-Origin"));
    }

    @Test
    void aMalformedUrlIsRefusedWithoutServerDetails() throws IOException {
        String answer = rawRequest("GET /% HTTP/1.1");
        String status = answer.substring(0, answer.indexOf("\r\n"));
        switch (PAYARA ? "payara" : SERVER) {
            // Payara's Grizzly fails to decode the URL, logs the exception and sends an empty 200 (payara/Payara#8000).
            case "payara" -> assertEquals("HTTP/1.1 200 OK", status, answer);
            // Liberty's own short page, naming no server: <H1>CWWWC0005I: The request URI has invalid ...
            case "liberty" -> {
                assertEquals("HTTP/1.1 400 Bad Request", status, answer);
                assertTrue(answer.contains("CWWWC0005I"), answer);
            }
            default -> assertEquals("HTTP/1.1 400 Bad Request", status, answer);
        }
        String lower = answer.toLowerCase();
        for (String detail : new String[] {"server:", "x-powered-by", "exception", "payara", "wildfly", "undertow",
                "liberty", "websphere"}) {
            assertFalse(lower.contains(detail), detail + " in " + answer);
        }
    }

    /** The problem+json every server answers for these. */
    private static void assertServerProblem(HttpResponse<String> answer, int status) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", contentType(answer));
        assertEquals(status, json(answer).getInt("status"));
        assertTrue(answer.headers().firstValue("Server").isEmpty(), answer.headers().toString());
    }

    private static String contentType(HttpResponse<String> answer) {
        return answer.headers().firstValue("Content-Type").orElse("");
    }

    /** Sends a request line Java's HTTP client would refuse to build, and reads the whole answer. */
    private String rawRequest(String requestLine) throws IOException {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
