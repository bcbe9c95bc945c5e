package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code grant_type=refresh_token}: a GitHub App trades a refresh token for a new {@code ghu_}/{@code ghr_} pair.
 *
 * <p>(0) a failure queued by the test, which uses nothing up; (1) client authentication (id and secret); (2) the
 * refresh token is used up, and with it the access token it came with, whatever follows; (3) an unknown, used,
 * expired or other app's refresh token is {@code bad_refresh_token}; (4) a new pair. OAuth Apps hold no refresh
 * tokens, so theirs always fail at (3).
 */
final class RefreshGrant {

    private final GitHubState state;
    private final Failures failures;

    RefreshGrant(GitHubState state, Failures failures) {
        this.state = state;
        this.failures = failures;
    }

    ResponseDefinition refresh(Request request, Map<String, String> params, boolean json) {
        // (0)
        String queued = failures.takeTokenExchangeError();
        if (queued != null) {
            return TokenResponses.error(queued, json);
        }
        // (1)
        Optional<OAuthApp> app = ClientCredentials.authenticate(state, request, params);
        if (app.isEmpty()) {
            return TokenResponses.error(OAuthError.INCORRECT_CLIENT_CREDENTIALS, json);
        }
        // (2) and (3)
        Instant now = state.now();
        Optional<RefreshToken> redeemed = state.tokens().redeem(params.get("refresh_token"), app.get().clientId(), now);
        if (redeemed.isEmpty()) {
            return TokenResponses.error(OAuthError.BAD_REFRESH_TOKEN, json);
        }
        // (4)
        return TokenResponses.userTokens(
                state.tokens().issueExpiring(redeemed.get().userId(), app.get().clientId(), now), now, json);
    }
}
