package dev.latchkey.auth.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import dev.latchkey.github.GitHubSettings;

/**
 * Where browsers land on the frontend after a sign-in, successful or not.
 */
@ApplicationScoped
public class FrontendRedirects {

    @Inject
    @ConfigProperty(name = "FRONTEND_URL")
    String frontendUrl;

    @Inject
    @ConfigProperty(name = "LOGIN_REDIRECT_PATH", defaultValue = "/")
    String loginRedirectPath;

    @Inject
    GitHubSettings github;

    String sanitize(String requestedPath) {
        return RedirectPaths.sanitize(requestedPath, loginPath());
    }

    URI to(String path) {
        return URI.create(GitHubSettings.withoutTrailingSlash(frontendUrl) + path);
    }

    URI failure(String errorCode) {
        String path = loginPath();
        return to(path + (path.contains("?") ? "&" : "?") + "error=" + errorCode);
    }

    /** Sends the browser to {@link #failure}, telling it to leave the address it came from out of the next request. */
    Response.ResponseBuilder toFailure(String errorCode) {
        return toFailure(errorCode, Optional.empty());
    }

    /**
     * As {@link #toFailure(String)}, adding {@code &sso_url=} for the sign-in page to link to when GitHub named an
     * address on its own web host: any other address is left out, so the page never links elsewhere.
     */
    Response.ResponseBuilder toFailure(String errorCode, Optional<String> ssoUrl) {
        String sso = ssoUrl.flatMap(address -> SsoAddresses.onGitHub(address, github.webUrl()))
                .map(address -> "&sso_url=" + URLEncoder.encode(address, StandardCharsets.UTF_8)).orElse("");
        return Response.status(Response.Status.FOUND).location(URI.create(failure(errorCode) + sso))
                .header("Referrer-Policy", "no-referrer");
    }

    private String loginPath() {
        return RedirectPaths.sanitize(loginRedirectPath, "/");
    }
}
