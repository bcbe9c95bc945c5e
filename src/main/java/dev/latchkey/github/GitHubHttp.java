package dev.latchkey.github;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends requests to GitHub with timeouts and sorts failures into "unavailable" (no answer) and "refused" (an answer
 * other than 2xx, GitHub's own 5xx failures included).
 */
@ApplicationScoped
public class GitHubHttp {

    static final String USER_AGENT = "Latchkey";

    @Inject
    GitHubSettings settings;

    @Inject
    GitHubSilence silence;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Created at start-up: building the client (its TLS context, its selector thread) inside a sign-in's first call
     * took part of that call's timeout on a freshly started, busy server.
     */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: being called creates the bean.
    }

    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.timeout())
                .header("User-Agent", USER_AGENT);
    }

    public HttpRequest.Builder api(String path, String token) {
        return request(settings.apiUrl() + path)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("Authorization", "Bearer " + token);
    }

    /** The answer if its status is 2xx; silence and lost connections are "unavailable", any other answer "refused". */
    public HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response = exchange(request);
        int status = response.statusCode();
        // A 5xx is an answer: GitHub is there and failed, which callers report as 502, not "not answering" (503).
        if (status >= 300) {
            throw new GitHubRefusedException(status, "GitHub answered " + status);
        }
        return response;
    }

    /** GitHub's answer whatever its status; silence and lost connections are "unavailable". */
    HttpResponse<String> exchange(HttpRequest request) {
        HttpRequest timed = silence.beforeCall(settings.timeout())
                .map(left -> HttpRequest.newBuilder(request, (name, value) -> true).timeout(left).build())
                .orElse(request);
        try {
            return client.send(timed, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            silence.unanswered();
            throw new GitHubUnavailableException("No answer from GitHub: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitHubUnavailableException("Interrupted while waiting for GitHub");
        }
    }

    static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) parse(response);
    }

    public static JsonArray array(HttpResponse<String> response) {
        return (JsonArray) parse(response);
    }

    private static JsonStructure parse(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        } catch (RuntimeException e) {
            throw new GitHubRefusedException(response.statusCode(), "GitHub answered something other than JSON");
        }
    }
}
