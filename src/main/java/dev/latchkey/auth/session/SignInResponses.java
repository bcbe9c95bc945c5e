package dev.latchkey.auth.session;

import dev.latchkey.user.UserView;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/**
 * The answer to a sign-in made by a script or a page's fetch: the session cookie, and the token in the body.
 */
public final class SignInResponses {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES).withNullValues(true));

    private SignInResponses() {
    }

    /**
     * {@code {"ok":true,"access_token":"<jwt>","token_type":"Bearer","expires_in":<seconds>[,"user":{...}]}}.
     */
    public static Response signedIn(int status, SignInSessions.IssuedSession session, UserView userOrNull) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("ok", true)
                .add("access_token", session.token())
                .add("token_type", "Bearer")
                .add("expires_in", session.expiresIn());
        return respond(status, session, userOrNull, body);
    }

    /**
     * {@code {"ok":true,"expires_in":<seconds>,"user":{...}}} and the session cookie: for a session that only the
     * browser's HttpOnly cookie carried, whose token must not reach the page's scripts now either.
     */
    public static Response cookieOnly(SignInSessions.IssuedSession session, UserView user) {
        return respond(200, session, user, Json.createObjectBuilder().add("ok", true)
                .add("expires_in", session.expiresIn()));
    }

    private static Response respond(int status, SignInSessions.IssuedSession session, UserView userOrNull,
            JsonObjectBuilder body) {
        if (userOrNull != null) {
            body.add("user", Json.createReader(new StringReader(JSONB.toJson(userOrNull))).readObject());
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .header("Set-Cookie", session.setCookie())
                .header("Cache-Control", "no-store")
                .entity(body.build().toString())
                .build();
    }
}
