package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.List;
import java.util.Optional;

/** Authenticates a REST call by its token as GitHub does and adds the headers every answer to a user carries. */
final class ApiCalls {

    /** What an endpoint answers to an authenticated user. */
    interface Handler {
        ResponseDefinitionBuilder handle(AccessToken token, GitHubUser user);
    }

    /** What a public endpoint answers, to a user or to an anonymous caller (both empty). */
    interface PublicHandler {
        ResponseDefinitionBuilder handle(Optional<AccessToken> token, Optional<GitHubUser> user);
    }

    private final GitHubState state;
    private final RateLimits rateLimits = new RateLimits();

    ApiCalls(GitHubState state) {
        this.state = state;
    }

    /** Missing credentials and bad credentials are different 401s on GitHub; expired tokens are bad credentials. */
    ResponseDefinition authenticated(Request request, String documentationUrl, String acceptedScopes,
                                     Handler handler) {
        if (request.getHeader("Authorization") == null) {
            return Replies.apiError(401, "Requires authentication", documentationUrl).build();
        }
        return open(request, acceptedScopes, (token, user) -> handler.handle(token.get(), user.get()));
    }

    /** Anyone may call, but credentials that are sent must be good: GitHub never ignores a bad token. */
    ResponseDefinition open(Request request, String acceptedScopes, PublicHandler handler) {
        if (request.getHeader("Authorization") == null) {
            return handler.handle(Optional.empty(), Optional.empty()).build();
        }
        Optional<AccessToken> token = token(request);
        Optional<GitHubUser> user = token.flatMap(t -> state.user(t.userId()));
        if (user.isEmpty()) {
            return Replies.badCredentials().build();
        }
        ResponseDefinitionBuilder reply = handler.handle(token, user).withHeader("X-Accepted-OAuth-Scopes",
                acceptedScopes);
        if (token.get().hasOAuthScopes()) {
            reply.withHeader("X-OAuth-Scopes", token.get().scopeHeader());
        }
        return rateLimits.count(user.get().id(), state.now()).addHeaders(reply).build();
    }

    /** GitHub takes {@code Bearer TOKEN} and the older {@code token TOKEN}, the scheme in any case. */
    Optional<AccessToken> token(Request request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return Optional.empty();
        }
        for (String scheme : List.of("Bearer ", "token ")) {
            if (authorization.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return state.token(authorization.substring(scheme.length()).trim());
            }
        }
        return Optional.empty();
    }
}
