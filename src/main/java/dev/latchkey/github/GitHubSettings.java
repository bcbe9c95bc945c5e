package dev.latchkey.github;

import dev.latchkey.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The GitHub OAuth App Latchkey signs in with, and where GitHub is (github.com or a GitHub Enterprise Server).
 */
@ApplicationScoped
public class GitHubSettings {

    @Inject
    @ConfigProperty(name = "GITHUB_CLIENT_ID")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "GITHUB_CLIENT_SECRET")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "GITHUB_SCOPES", defaultValue = "repo read:user user:email read:org")
    String scopes;

    @Inject
    @ConfigProperty(name = "GITHUB_URL", defaultValue = "https://github.com")
    String webUrl;

    @Inject
    @ConfigProperty(name = "GITHUB_API_URL", defaultValue = "https://api.github.com")
    String apiUrl;

    @Inject
    @ConfigProperty(name = "BACKEND_URL")
    String backendUrl;

    @Inject
    @ConfigProperty(name = "GITHUB_TIMEOUT_SECONDS", defaultValue = "5")
    int timeoutSeconds;

    public boolean configured() {
        return clientId.filter(id -> !id.isBlank()).isPresent()
                && clientSecret.filter(secret -> !secret.isBlank()).isPresent();
    }

    public void requireConfigured() {
        if (!configured()) {
            throw new ApiException(503, "GitHub sign-in is not configured");
        }
    }

    public String clientId() {
        return clientId.orElseThrow();
    }

    String clientSecret() {
        return clientSecret.orElseThrow();
    }

    public String scopes() {
        return scopes.trim();
    }

    public String webUrl() {
        return withoutTrailingSlash(webUrl);
    }

    String apiUrl() {
        return withoutTrailingSlash(apiUrl);
    }

    public String callbackUrl() {
        return withoutTrailingSlash(backendUrl) + "/auth/github/callback";
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
