package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.http.Request;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** How an app proves who it is to the token endpoint: client id and secret in the body or in HTTP Basic. */
final class ClientCredentials {

    private ClientCredentials() {
    }

    /** GitHub takes the client credentials from the body or, as RFC 6749 prefers, from HTTP Basic. */
    static Optional<OAuthApp> authenticate(GitHubState state, Request request, Map<String, String> params) {
        String clientId = params.get("client_id");
        String secret = params.get("client_secret");
        String authorization = request.getHeader("Authorization");
        if (secret == null && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = decodeBasic(authorization.substring(6).trim());
            int colon = decoded.indexOf(':');
            clientId = colon < 0 ? decoded : decoded.substring(0, colon);
            secret = colon < 0 ? null : decoded.substring(colon + 1);
        }
        String givenSecret = secret;
        return state.app(clientId).filter(app -> app.hasSecret(givenSecret));
    }

    static String decodeBasic(String encoded) {
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
