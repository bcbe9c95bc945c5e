package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /login/oauth/access_token}: exchanges a code for a token ({@code gho_} for an OAuth App, {@code ghu_}
 * with a {@code ghr_} refresh token for a GitHub App), answering errors in a 200.
 *
 * <p>(1) a failure queued by the test; (2) client authentication; (3) the code is consumed whatever follows;
 * (4) the code's client, age, redirect_uri and PKCE verifier are checked; (5) Access Token Response.
 */
final class AccessTokenHandler {

    private final GitHubState state;
    private final Failures failures;
    private final RefreshGrant refreshGrant;

    AccessTokenHandler(GitHubState state, Failures failures) {
        this.state = state;
        this.failures = failures;
        this.refreshGrant = new RefreshGrant(state, failures);
    }

    ResponseDefinition exchange(Request request) {
        Map<String, String> params = Params.queryAndBody(request);
        boolean json = String.valueOf(request.getHeader("Accept")).contains("application/json");
        String grantType = params.getOrDefault("grant_type", "authorization_code");
        if ("refresh_token".equals(grantType)) {
            return refreshGrant.refresh(request, params, json);
        }
        if (!"authorization_code".equals(grantType)) {
            return TokenResponses.error(OAuthError.UNSUPPORTED_GRANT_TYPE, json);
        }
        // (1) Queued failure: the code is burnt as GitHub would burn it
        String queued = failures.takeTokenExchangeError();
        if (queued != null) {
            state.consumeCode(params.get("code"));
            return TokenResponses.error(queued, json);
        }
        // (2) Client authentication
        Optional<OAuthApp> app = ClientCredentials.authenticate(state, request, params);
        if (app.isEmpty()) {
            return TokenResponses.error(OAuthError.INCORRECT_CLIENT_CREDENTIALS, json);
        }
        // (3) Single use: gone after the first authenticated attempt, even if a later check fails
        Optional<AuthorizationCode> code = state.consumeCode(params.get("code"));
        // (4) Code checks
        Optional<OAuthError> rejection = code.isEmpty()
                ? Optional.of(OAuthError.BAD_VERIFICATION_CODE)
                : rejection(code.get(), app.get(), params);
        if (rejection.isPresent()) {
            return TokenResponses.error(rejection.get(), json);
        }
        // (5) Access Token Response
        if (app.get().expiringTokens()) {
            Instant now = state.now();
            return TokenResponses.userTokens(
                    state.tokens().issueExpiring(code.get().userId(), app.get().clientId(), now), now, json);
        }
        return TokenResponses.token(
                state.issueToken(code.get().userId(), code.get().clientId(), code.get().scopes()), json);
    }

    private Optional<OAuthError> rejection(AuthorizationCode code, OAuthApp app, Map<String, String> params) {
        if (!code.clientId().equals(app.clientId()) || code.expiredAt(state.now())) {
            return Optional.of(OAuthError.BAD_VERIFICATION_CODE);
        }
        String redirectUri = params.get("redirect_uri");
        if (redirectUri != null && !redirectUri.equals(code.redirectUri())) {
            return Optional.of(OAuthError.REDIRECT_URI_MISMATCH);
        }
        if (!code.acceptsVerifier(params.get("code_verifier"))) {
            return Optional.of(OAuthError.BAD_VERIFICATION_CODE);
        }
        return Optional.empty();
    }
}
