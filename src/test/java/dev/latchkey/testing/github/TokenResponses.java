package dev.latchkey.testing.github;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token endpoint's answers: JSON when asked for, else form-encoded; errors come in a 200 as well.
 */
final class TokenResponses {

    private TokenResponses() {
    }

    /** An OAuth App's token: {@code access_token}, {@code token_type}, {@code scope} (comma-separated). */
    static ResponseDefinition token(AccessToken token, boolean json) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token.value());
        answer.put("token_type", "bearer");
        answer.put("scope", String.join(",", token.scopes()));
        return answer(answer, json);
    }

    /** A GitHub App's user token: adds the lifetimes (numbers in JSON) and the refresh token; the scope is empty. */
    static ResponseDefinition userTokens(IssuedTokens.UserTokens issued, Instant now, boolean json) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", issued.access().value());
        answer.put("expires_in", Duration.between(now, issued.access().expiresAt()).toSeconds());
        answer.put("refresh_token", issued.refresh().value());
        answer.put("refresh_token_expires_in", Duration.between(now, issued.refresh().expiresAt()).toSeconds());
        answer.put("scope", "");
        answer.put("token_type", "bearer");
        return answer(answer, json);
    }

    static ResponseDefinition error(OAuthError error, boolean json) {
        return error(error.code(), json);
    }

    static ResponseDefinition error(String error, boolean json) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", error);
        answer.put("error_description", OAuthError.descriptionOf(error));
        answer.put("error_uri", OAuthError.uriOf(error));
        return answer(answer, json);
    }

    /** JSON only when asked for; GitHub's default is a form-encoded body that ends with token_type. */
    private static ResponseDefinition answer(Map<String, Object> members, boolean json) {
        if (json) {
            var object = Replies.JSON.createObjectBuilder();
            members.forEach((name, value) -> {
                if (value instanceof Long number) {
                    object.add(name, number);
                } else {
                    object.add(name, value.toString());
                }
            });
            return Replies.json(200, object.build()).build();
        }
        Map<String, String> form = new LinkedHashMap<>();
        members.forEach((name, value) -> form.put(name, value.toString()));
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
