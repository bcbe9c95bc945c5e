package dev.latchkey.auth.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Starts the session that ends every successful sign-in: a new row, its JWT and the cookie carrying it.
 */
@ApplicationScoped
public class SignInSessions {

    @Inject
    Sessions sessions;

    @Inject
    SessionTokens tokens;

    @Inject
    SessionCookie cookie;

    public IssuedSession begin(long userId, ClientDevice device) {
        Session session = sessions.start(userId, device);
        String token = tokens.issue(session);
        long expiresIn = Duration.between(Instant.now(), session.expiresAt()).toSeconds();
        return new IssuedSession(session.id(), token, cookie.set(token), expiresIn);
    }

    /** A started session: the JWT, the Set-Cookie header value carrying it, and its lifetime in seconds. */
    public record IssuedSession(String sessionId, String token, String setCookie, long expiresIn) {
    }
}
