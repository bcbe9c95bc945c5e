package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /login/oauth/access_token}: exchanges a code for a {@code gho_} token, answering errors in a 200.
 *
 * <p>(1) a failure queued by the test; (2) client authentication; (3) the code is consumed whatever follows;
 * (4) the code's client, age, redirect_uri and PKCE verifier are checked; (5) Access Token Response.
 */
final class AccessTokenHandler {

    private final GitHubState state;
    private final Failures failures;

    AccessTokenHandler(GitHubState state, Failures failures) {
        this.state = state;
        this.failures = failures;
    }

    ResponseDefinition exchange(Request request) {
        Map<String, String> params = Params.queryAndBody(request);
        boolean json = String.valueOf(request.getHeader("Accept")).contains("application/json");
        String grantType = params.getOrDefault("grant_type", "authorization_code");
        if ("refresh_token".equals(grantType)) {
            return refresh(params, json);
        }
        if (!"authorization_code".equals(grantType)) {
            return error(OAuthError.UNSUPPORTED_GRANT_TYPE.code(), json);
        }
        // (1) Queued failure: the code is burnt as GitHub would burn it
        String queued = failures.takeTokenExchangeError();
        if (queued != null) {
            state.consumeCode(params.get("code"));
            return error(queued, json);
        }
        // (2) Client authentication
        Optional<OAuthApp> app = authenticate(request, params);
        if (app.isEmpty()) {
            return error(OAuthError.INCORRECT_CLIENT_CREDENTIALS, json);
        }
        // (3) Single use: gone after the first authenticated attempt, even if a later check fails
        Optional<AuthorizationCode> code = state.consumeCode(params.get("code"));
        // (4) Code checks
        Optional<OAuthError> rejection = code.isEmpty()
                ? Optional.of(OAuthError.BAD_VERIFICATION_CODE)
                : rejection(code.get(), app.get(), params);
        if (rejection.isPresent()) {
            return error(rejection.get(), json);
        }
        // (5) Access Token Response
        AccessToken token = state.issueToken(code.get().userId(), code.get().clientId(), code.get().scopes());
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("access_token", token.value());
        answer.put("token_type", "bearer");
        answer.put("scope", String.join(",", token.scopes()));
        return answer(answer, json);
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

    /**
     * The refresh grant: OAuth App tokens never expire and the fake issues no GitHub App user tokens yet, so no
     * refresh token is alive; issuing {@code ghu_}/{@code ghr_} pairs would start here.
     */
    ResponseDefinition refresh(Map<String, String> params, boolean json) {
        return error(OAuthError.BAD_REFRESH_TOKEN, json);
    }

    /** GitHub takes the client credentials from the body or, as RFC 6749 prefers, from HTTP Basic. */
    private Optional<OAuthApp> authenticate(Request request, Map<String, String> params) {
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

    private static ResponseDefinition error(OAuthError error, boolean json) {
        return error(error.code(), json);
    }

    private static ResponseDefinition error(String error, boolean json) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", error);
        answer.put("error_description", OAuthError.descriptionOf(error));
        answer.put("error_uri", OAuthError.uriOf(error));
        return answer(answer, json);
    }

    /** JSON only when asked for; GitHub's default is a form-encoded body, with access_token, scope, token_type. */
    private static ResponseDefinition answer(Map<String, String> members, boolean json) {
        if (json) {
            var object = Replies.JSON.createObjectBuilder();
            members.forEach(object::add);
            return Replies.json(200, object.build()).build();
        }
        Map<String, String> form = new LinkedHashMap<>(members);
        String tokenType = form.remove("token_type");
        if (tokenType != null) {
            form.put("token_type", tokenType);
        }
        return new ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .withBody(Replies.formEncode(form))
                .build();
    }
}
