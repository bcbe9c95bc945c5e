package dev.latchkey.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scripted browser: real HTTP, redirects followed only when a test says so, and a cookie jar that honours each
 * cookie's path and {@code Max-Age=0}.
 */
public final class Browser {

    public static final String USER_AGENT = "LatchkeyTestBrowser/1.0";
    public static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private final Map<String, StoredCookie> jar = new LinkedHashMap<>();
    private String origin = "http://localhost:8080";

    private record StoredCookie(String value, String path) {
    }

    public Browser(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    /** The origin of the page this browser is on; like a real browser it sends it with POST, PUT, PATCH and DELETE. */
    public Browser onPage(String pageOrigin) {
        this.origin = pageOrigin;
        return this;
    }

    /** A script rather than a page: no {@code Origin} header at all. */
    public Browser asScript() {
        this.origin = null;
        return this;
    }

    /** GET; {@code target} is a path on the server under test or an absolute URL. */
    public HttpResponse<String> get(String target, String... headers) {
        return send(request("GET", target, headers).GET());
    }

    public HttpResponse<String> post(String target, String json, String... headers) {
        HttpRequest.Builder builder = request("POST", target, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(builder);
    }

    public HttpResponse<String> send(String method, String target, String... headers) {
        return send(request(method, target, headers).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(jar.get(name)).map(StoredCookie::value);
    }

    public void setCookie(String name, String value) {
        jar.put(name, new StoredCookie(value, "/"));
    }

    public void forgetCookies() {
        jar.clear();
    }

    /** The value of this cookie's {@code Set-Cookie} header in {@code response}. */
    public static Optional<String> setCookieHeader(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "="))
                .findFirst();
    }

    private HttpRequest.Builder request(String method, String target, String... headers) {
        URI uri = target.startsWith("http") ? URI.create(target) : base.resolve(target);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("User-Agent", USER_AGENT);
        boolean originGiven = false;
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
            originGiven |= headers[i].equalsIgnoreCase("Origin");
        }
        if (origin != null && !originGiven && !method.equals("GET") && !method.equals("HEAD")) {
            builder.header("Origin", origin);
        }
        if (uri.getAuthority().equals(base.getAuthority())) {
            String path = uri.getRawPath();
            List<String> sent = new ArrayList<>();
            jar.forEach((name, cookie) -> {
                if (path.startsWith(cookie.path())) {
                    sent.add(name + "=" + cookie.value());
                }
            });
            if (!sent.isEmpty()) {
                builder.header("Cookie", String.join("; ", sent));
            }
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (request.uri().getAuthority().equals(base.getAuthority())) {
                response.headers().allValues("Set-Cookie").forEach(this::remember);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Request failed: " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String header) {
        String[] parts = header.split(";");
        String[] pair = parts[0].split("=", 2);
        String path = "/";
        boolean expired = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            if (attribute.regionMatches(true, 0, "Path=", 0, 5)) {
                path = attribute.substring(5);
            } else if (attribute.equalsIgnoreCase("Max-Age=0")) {
                expired = true;
            }
        }
        if (expired || pair[1].isEmpty()) {
            jar.remove(pair[0]);
        } else {
            jar.put(pair[0], new StoredCookie(pair[1], path));
        }
    }
}
