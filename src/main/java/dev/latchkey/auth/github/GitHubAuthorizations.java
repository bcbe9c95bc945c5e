package dev.latchkey.auth.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import dev.latchkey.github.GitHubSettings;
import dev.latchkey.membership.MembershipSettings;

/**
 * Starts a GitHub authorization, to sign in or to link GitHub: stores a state and sends the browser to GitHub.
 */
@ApplicationScoped
class GitHubAuthorizations {

    @Inject
    GitHubSettings settings;

    @Inject
    OAuthStates states;

    @Inject
    OAuthStateCookie stateCookie;

    @Inject
    FrontendRedirects frontend;

    @Inject
    MembershipSettings membership;

    Response.ResponseBuilder start(String requestedRedirect) {
        return start(requestedRedirect, null);
    }

    /** As {@link #start(String)}, and the callback links the GitHub account to the account of this session. */
    Response.ResponseBuilder startLinking(String requestedRedirect, OAuthStates.Linking linking) {
        return start(requestedRedirect, linking);
    }

    private Response.ResponseBuilder start(String requestedRedirect, OAuthStates.Linking linking) {
        settings.requireConfigured();
        OAuthStates.Pending pending = states.begin(frontend.sanitize(requestedRedirect), linking);
        URI authorize = URI.create(settings.webUrl() + "/login/oauth/authorize"
                + "?client_id=" + encode(settings.clientId())
                + "&redirect_uri=" + encode(settings.callbackUrl())
                + "&scope=" + encode(membership.scopesToAsk(settings.scopes()))
                + "&state=" + encode(pending.state())
                + "&code_challenge=" + encode(pending.codeChallenge())
                + "&code_challenge_method=S256"
                + "&allow_signup=true");
        return Response.status(Response.Status.FOUND)
                .location(authorize)
                .header("Set-Cookie", stateCookie.set(pending.state()))
                .header("Referrer-Policy", "no-referrer");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
