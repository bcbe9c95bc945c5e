package dev.latchkey.auth.session;

import dev.latchkey.audit.AuditTrail;
import dev.latchkey.audit.AuditType;
import dev.latchkey.user.Admissions;
import dev.latchkey.user.GitHubDescription;
import dev.latchkey.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Starts the session that ends every successful sign-in: the user admitted (not banned; a configured admin
 * promoted), a new row, its JWT and the cookie carrying it, and the sign-in audited.
 */
@ApplicationScoped
public class SignInSessions {

    @Inject
    Sessions sessions;

    @Inject
    SessionTokens tokens;

    @Inject
    SessionCookie cookie;

    @Inject
    Admissions admissions;

    @Inject
    AuditTrail audit;

    /**
     * Starts the session of a sign-in by {@code method} ({@code github}, {@code pat}, {@code password}...);
     * {@code description} says whether GitHub described the linked account in this very sign-in, which decides the
     * admin settings that count (see {@link Admissions#admit(long, String, GitHubDescription)}).
     */
    public IssuedSession begin(long userId, ClientDevice device, String method, GitHubDescription description) {
        User user = admissions.admit(userId, method, description);
        Session session = sessions.start(userId, device);
        String token = tokens.issue(session);
        long expiresIn = Duration.between(Instant.now(), session.expiresAt()).toSeconds();
        audit.record(AuditType.SIGN_IN, userId, userId, Map.of("method", method));
        return new IssuedSession(session.id(), token, cookie.set(token), expiresIn, user);
    }

    /**
     * A started session: the JWT, the Set-Cookie header value carrying it, its lifetime in seconds, and the user as
     * admitted (with their role after any promotion).
     */
    public record IssuedSession(String sessionId, String token, String setCookie, long expiresIn, User user) {
    }
}
